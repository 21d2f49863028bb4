package io.allice.platform.shared.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.allice.platform.shared.config.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the blob storage adapter from {@code STORAGE_BACKEND}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    BlobStorage blobStorage(StorageProperties storage, PlatformProperties platform) {
        if (storage.backend().equals("s3")) {
            StorageProperties.S3 settings = requireComplete(storage.s3());
            log.info("Blob storage: S3 bucket {} at {}", settings.bucket(),
                    StorageProperties.S3.isBlank(settings.endpoint()) ? "AWS" : settings.endpoint());
            return new S3BlobStorage(s3Client(settings), settings.bucket(), platform.dataDir().resolve("tmp"));
        }
        Path root = platform.dataDir().resolve("blobs");
        log.info("Blob storage: local directory {}", root);
        return new LocalBlobStorage(root);
    }

    private static StorageProperties.S3 requireComplete(StorageProperties.S3 settings) {
        List<String> missing = new ArrayList<>();
        if (StorageProperties.S3.isBlank(settings.bucket())) {
            missing.add("S3_BUCKET");
        }
        if (StorageProperties.S3.isBlank(settings.accessKey())) {
            missing.add("S3_ACCESS_KEY");
        }
        if (StorageProperties.S3.isBlank(settings.secretKey())) {
            missing.add("S3_SECRET_KEY");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("STORAGE_BACKEND=s3 needs " + String.join(", ", missing) + " to be set");
        }
        return settings;
    }

    private static S3Client s3Client(StorageProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(ApacheHttpClient.create())
                .region(Region.of(StorageProperties.S3.isBlank(settings.region()) ? "us-east-1" : settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(true);
        if (!StorageProperties.S3.isBlank(settings.endpoint())) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }
}
