package io.allice.platform.shared.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A blob as a local file, released by {@link #close()}; see {@link BlobStorage#localCopy(String)}. */
public final class LocalCopy implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    private LocalCopy(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** Wraps the stored file itself, which closing leaves in place. */
    static LocalCopy original(Path path) {
        return new LocalCopy(path, false);
    }

    /** Wraps a temporary download, which closing deletes. */
    static LocalCopy temporary(Path path) {
        return new LocalCopy(path, true);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(path);
        }
    }
}
