package io.allice.platform.shared.storage;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Blob storage settings, bound from {@code STORAGE_BACKEND} and the {@code S3_*} variables.
 *
 * @param backend {@code local} (files under the data directory) or {@code s3}
 * @param s3 the S3-compatible store, read only when the backend is {@code s3}
 */
@Validated
@ConfigurationProperties("allice.storage")
public record StorageProperties(
        @Pattern(regexp = "local|s3", message = "must be local or s3") String backend,
        S3 s3) {

    public StorageProperties {
        backend = backend == null || backend.isBlank() ? "local" : backend.trim();
        s3 = s3 == null ? new S3(null, null, null, null, null) : s3;
    }

    /**
     * An S3-compatible store, addressed path-style so that MinIO and similar servers work.
     *
     * @param endpoint base URL of the store; blank means AWS S3 of the region
     * @param region signing region; blank means {@code us-east-1}
     */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey) {

        /** Leaves the keys out, so that logging the settings never prints a secret. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey="
                    + (isBlank(accessKey) ? "unset" : "set") + ", secretKey=" + (isBlank(secretKey) ? "unset" : "set") + "]";
        }

        static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
