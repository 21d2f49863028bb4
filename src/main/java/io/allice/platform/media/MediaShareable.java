package io.allice.platform.media;

import java.util.Optional;

import io.allice.platform.media.MediaViews.MediaDetailView;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareableResource;
import io.allice.platform.shared.web.BlobRecordReads.OwnedBlob;
import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets media be shared: who owns it, what a public link shows, and the original to stream. */
@Component
class MediaShareable implements ShareableResource {

    private final MediaRepository media;
    private final MediaOriginals originals;
    private final RenditionReads renditions;
    private final TranscodeJobRepository jobs;

    MediaShareable(MediaRepository media, MediaOriginals originals, RenditionReads renditions,
            TranscodeJobRepository jobs) {
        this.media = media;
        this.originals = originals;
        this.renditions = renditions;
        this.jobs = jobs;
    }

    @Override
    public ResourceType type() {
        return ResourceType.MEDIA;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> ownerOf(long resourceId) {
        return media.findById(resourceId).map(Media::userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Object publicView(long resourceId) {
        return MediaDetailView.of(found(resourceId), jobs.findByMediaIdOrderByIdAsc(resourceId));
    }

    @Override
    public Optional<ServedBlob> content(long resourceId, boolean inline) {
        return Optional.of(originals.find(resourceId, inline).map(OwnedBlob::blob)
                .orElseThrow(() -> ApiException.notFound("Media " + resourceId + " not found")));
    }

    /** Returns a completed rendition of the shared media, empty when the job is missing or not completed. */
    @Override
    public Optional<ServedBlob> rendition(long resourceId, long renditionId, boolean inline) {
        return renditions.find(resourceId, renditionId, inline).map(RenditionReads.MediaRendition::rendition);
    }

    private Media found(long resourceId) {
        return media.findById(resourceId).orElseThrow(() -> ApiException.notFound("Media " + resourceId + " not found"));
    }
}
