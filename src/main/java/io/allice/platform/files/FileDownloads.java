package io.allice.platform.files;

import io.allice.platform.shared.cache.CacheInvalidations;
import io.allice.platform.shared.web.BlobRecordReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what a download or a share link needs to send a file's content. */
@Component
class FileDownloads extends BlobRecordReads {

    FileDownloads(JdbcClient jdbc, CacheInvalidations invalidations) {
        super(jdbc, "files", StoredFile::storageKeyOf, invalidations);
    }
}
