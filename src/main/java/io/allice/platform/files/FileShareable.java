package io.allice.platform.files;

import java.util.Optional;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareableResource;
import io.allice.platform.shared.web.BlobRecordReads.OwnedBlob;
import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets files be shared: who owns one, what a public link shows, and its content. */
@Component
class FileShareable implements ShareableResource {

    private final StoredFileRepository files;
    private final FileDownloads downloads;

    FileShareable(StoredFileRepository files, FileDownloads downloads) {
        this.files = files;
        this.downloads = downloads;
    }

    @Override
    public ResourceType type() {
        return ResourceType.FILE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> ownerOf(long resourceId) {
        return files.findById(resourceId).map(StoredFile::userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Object publicView(long resourceId) {
        return FileView.of(file(resourceId));
    }

    @Override
    public Optional<ServedBlob> content(long resourceId, boolean inline) {
        return Optional.of(downloads.find(resourceId, inline).map(OwnedBlob::blob)
                .orElseThrow(() -> ApiException.notFound("File " + resourceId + " not found")));
    }

    private StoredFile file(long resourceId) {
        return files.findById(resourceId).orElseThrow(() -> ApiException.notFound("File " + resourceId + " not found"));
    }
}
