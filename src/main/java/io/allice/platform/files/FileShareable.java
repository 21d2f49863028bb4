package io.allice.platform.files;

import java.util.Optional;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareableResource;
import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import io.allice.platform.shared.web.ContentDispositions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets files be shared: who owns one, what a public link shows, and its content. */
@Component
class FileShareable implements ShareableResource {

    private final StoredFileRepository files;

    FileShareable(StoredFileRepository files) {
        this.files = files;
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
    @Transactional(readOnly = true)
    public Optional<ServedBlob> content(long resourceId, boolean inline) {
        StoredFile file = file(resourceId);
        String disposition = inline ? ContentDispositions.inline(file.originalFilename())
                : ContentDispositions.attachment(file.originalFilename());
        return Optional.of(new ServedBlob(file.storageKey(), file.fileSize(), file.mimeType(),
                "\"" + file.filename() + "\"", file.createdAt(), disposition));
    }

    private StoredFile file(long resourceId) {
        return files.findById(resourceId).orElseThrow(() -> ApiException.notFound("File " + resourceId + " not found"));
    }
}
