package io.allice.platform.shared.config;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings that several areas read. Each is bound from the environment variable named in
 * {@code application.properties}.
 *
 * @param dataDir directory for the embedded database, local blobs, logs and generated secrets
 * @param publicBaseUrl base of the links the service hands out, without a trailing slash
 * @param maxUploadSize largest accepted upload in bytes
 * @param maxJsonBodySize largest accepted JSON request body in bytes
 * @param environment deployment name reported by the admin configuration endpoint
 * @param corsAllowedOrigins origins that browsers may call the API from; {@code *} allows any
 */
@Validated
@ConfigurationProperties("allice")
public record PlatformProperties(
        @NotNull Path dataDir,
        @NotBlank String publicBaseUrl,
        @Positive long maxUploadSize,
        @Positive long maxJsonBodySize,
        @NotBlank String environment,
        List<String> corsAllowedOrigins) {

    public PlatformProperties {
        dataDir = dataDir.toAbsolutePath().normalize();
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}
