package io.allice.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.storage.StorageProperties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Looks into the blob store behind the service's back, to check what an operation left there:
 * the files below the local blob directory, or the objects and unfinished multipart uploads in
 * the S3Mock bucket.
 */
public final class StoredBlobs {

    private final PlatformProperties platform;
    private final StorageProperties storage;

    public StoredBlobs(PlatformProperties platform, StorageProperties storage) {
        this.platform = platform;
        this.storage = storage;
    }

    /** Lists every stored key, including partial files left by a failed local write. */
    public List<String> keys() {
        if (storage.backend().equals("s3")) {
            try (S3Client s3 = client()) {
                return s3.listObjectsV2Paginator(list -> list.bucket(S3MockServer.BUCKET)).contents().stream()
                        .map(S3Object::key).sorted().toList();
            }
        }
        Path root = platform.dataDir().resolve("blobs");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Multipart uploads begun and neither completed nor aborted; always empty for local storage. */
    public List<String> unfinishedUploads() {
        if (!storage.backend().equals("s3")) {
            return List.of();
        }
        try (S3Client s3 = client()) {
            return s3.listMultipartUploads(list -> list.bucket(S3MockServer.BUCKET)).uploads().stream()
                    .map(upload -> upload.key()).toList();
        }
    }

    public boolean isS3() {
        return storage.backend().equals("s3");
    }

    private static S3Client client() {
        return S3Client.builder()
                .httpClient(ApacheHttpClient.create())
                .endpointOverride(URI.create(S3MockServer.shared().endpoint()))
                .region(Region.of(S3MockServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY)))
                .forcePathStyle(true)
                .build();
    }
}
