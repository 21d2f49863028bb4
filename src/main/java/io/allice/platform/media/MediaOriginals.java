package io.allice.platform.media;

import io.allice.platform.shared.cache.CacheInvalidations;
import io.allice.platform.shared.web.BlobRecordReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what a stream or a share link needs to send the originally uploaded media. */
@Component
class MediaOriginals extends BlobRecordReads {

    MediaOriginals(JdbcClient jdbc, CacheInvalidations invalidations) {
        super(jdbc, "media", Media::storageKeyOf, invalidations);
    }
}
