package io.allice.platform.shared.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects in one bucket of an S3-compatible store. A write of unknown length goes up as
 * a multipart upload in parts of {@link #PART_SIZE} bytes, so memory stays at one part buffer
 * per upload. A failed write aborts the upload, which leaves no object behind.
 */
public class S3BlobStorage implements BlobStorage {

    /** The smallest part S3 accepts for all but the last part of a multipart upload. */
    static final int PART_SIZE = 5 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(S3BlobStorage.class);

    private final S3Client s3;
    private final String bucket;
    private final Path tempDir;

    public S3BlobStorage(S3Client s3, String bucket, Path tempDir) {
        this.s3 = s3;
        this.bucket = bucket;
        this.tempDir = tempDir;
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        BlobStorage.requireValidKey(key);
        byte[] buffer = new byte[PART_SIZE];
        int filled = content.readNBytes(buffer, 0, PART_SIZE);
        if (filled < PART_SIZE) {
            s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromInputStream(
                    new ByteArrayInputStream(buffer, 0, filled), filled));
            return filled;
        }
        String uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
        try {
            long size = uploadParts(key, uploadId, content, buffer, filled);
            log.debug("Stored {} bytes as {} in a multipart upload", size, key);
            return size;
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId);
            throw e;
        }
    }

    private long uploadParts(String key, String uploadId, InputStream content, byte[] buffer, int firstFilled)
            throws IOException {
        List<CompletedPart> parts = new ArrayList<>();
        long size = 0;
        int filled = firstFilled;
        while (filled > 0) {
            int partNumber = parts.size() + 1;
            int length = filled;
            String etag = s3.uploadPart(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                    RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length)).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            size += length;
            filled = content.readNBytes(buffer, 0, PART_SIZE);
        }
        s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(parts)));
        return size;
    }

    private void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            log.warn("Could not abort the multipart upload of {}, so the bucket's lifecycle rules must clean it up", key, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>NOTE: the open stream occupies one of the S3 client's pooled connections (50 by default in
     * the AWS SDK 2.x Apache client) until it is closed, so that many slow viewers at once make
     * the next request wait for a free connection.
     */
    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        BlobStorage.requireValidKey(key);
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return s3.getObject(get -> get.bucket(bucket).key(key).range(range));
        } catch (NoSuchKeyException e) {
            throw new BlobNotFoundException(key);
        }
    }

    @Override
    public void delete(String key) {
        BlobStorage.requireValidKey(key);
        s3.deleteObject(delete -> delete.bucket(bucket).key(key));
    }

    @Override
    public boolean exists(String key) {
        BlobStorage.requireValidKey(key);
        try {
            s3.headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public LocalCopy localCopy(String key) throws IOException {
        BlobStorage.requireValidKey(key);
        Files.createDirectories(tempDir);
        Path copy = Files.createTempFile(tempDir, "blob-", ".tmp");
        try {
            Files.delete(copy);
            s3.getObject(get -> get.bucket(bucket).key(key), ResponseTransformer.toFile(copy));
            return LocalCopy.temporary(copy);
        } catch (NoSuchKeyException e) {
            Files.deleteIfExists(copy);
            throw new BlobNotFoundException(key);
        } catch (RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }
}
