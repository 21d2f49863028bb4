package io.allice.platform.ai;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * AI settings. Keys come only from the environment and are never returned or logged.
 *
 * @param timeout time limit of one provider call, including a Replicate prediction's wait
 * @param maxRetries further attempts after a provider's 429 or 5xx, before any output was streamed
 * @param retryBackoff wait before the first retry; each further retry waits twice as long
 * @param replicatePollInterval pause between two status reads of a Replicate prediction
 * @param trainingPollInterval pause between two status reads of a fine-tuning job
 * @param catalogueRestricted whether predict rejects models that are not active catalogue entries
 */
@Validated
@ConfigurationProperties("allice.ai")
record AiProperties(
        @Valid @NotNull Provider openai,
        @Valid @NotNull Provider google,
        @Valid @NotNull Provider replicate,
        @Valid @NotNull Provider ollama,
        @NotNull Duration timeout,
        @Min(0) @Max(10) int maxRetries,
        @NotNull Duration retryBackoff,
        @NotNull Duration replicatePollInterval,
        @NotNull Duration trainingPollInterval,
        boolean catalogueRestricted) {

    /**
     * One provider's connection.
     *
     * @param apiKey the key or token, blank when the provider is not configured
     * @param baseUrl the API base URL; for Ollama a blank URL means not configured
     * @param models model names listed in the catalogue while the provider is configured
     */
    record Provider(String apiKey, String baseUrl, List<String> models) {

        Provider {
            apiKey = apiKey == null ? "" : apiKey.trim();
            baseUrl = baseUrl == null ? "" : stripTrailingSlash(baseUrl.trim());
            models = models == null ? List.of()
                    : models.stream().map(String::trim).filter(name -> !name.isEmpty()).toList();
        }

        boolean hasKey() {
            return !apiKey.isEmpty();
        }

        private static String stripTrailingSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
