package io.allice.platform.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * Blobs as files below one root directory. A write goes to a temporary file beside the target
 * and is renamed into place only when complete, so readers never see a partial blob.
 */
public class LocalBlobStorage implements BlobStorage {

    private final Path root;

    public LocalBlobStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part-" + UUID.randomUUID());
        try {
            long size = Files.copy(content, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return size;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key);
        }
        channel.position(offset);
        return BoundedInputStream.builder().setInputStream(Channels.newInputStream(channel)).setMaxCount(length).get();
    }

    @Override
    public Optional<Path> localFile(String key) throws BlobNotFoundException {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            throw new BlobNotFoundException(key);
        }
        return Optional.of(path);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public LocalCopy localCopy(String key) throws IOException {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            throw new BlobNotFoundException(key);
        }
        return LocalCopy.original(path);
    }

    private Path resolve(String key) {
        Path path = root.resolve(BlobStorage.requireValidKey(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        return path;
    }
}
