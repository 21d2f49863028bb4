package io.allice.platform.ai;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the AI tests: one WireMock stand-in on loopback plays all four providers under its
 * own path prefix, and every AI test class shares one application context configured for it.
 */
@IntegrationTest
abstract class AiIntegrationTest {

    static final String OPENAI_KEY = "sk-test-openai-key-0123456789";
    static final String GOOGLE_KEY = "google-test-key-0123456789";
    static final String REPLICATE_TOKEN = "r8_test_token_0123456789";
    static final WireMockServer PROVIDERS = start();

    @LocalServerPort
    int port;

    ApiClient api;

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void providerSettings(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + PROVIDERS.port();
        registry.add("allice.ai.openai.api-key", () -> OPENAI_KEY);
        registry.add("allice.ai.openai.base-url", () -> base + "/openai/v1");
        registry.add("allice.ai.openai.models", () -> "gpt-4o-mini");
        registry.add("allice.ai.google.api-key", () -> GOOGLE_KEY);
        registry.add("allice.ai.google.base-url", () -> base + "/google");
        registry.add("allice.ai.google.models", () -> "gemini-2.5-flash");
        registry.add("allice.ai.replicate.api-key", () -> REPLICATE_TOKEN);
        registry.add("allice.ai.replicate.base-url", () -> base + "/replicate/v1");
        registry.add("allice.ai.replicate.models", () -> "meta/meta-llama-3-8b-instruct");
        registry.add("allice.ai.ollama.base-url", () -> base + "/ollama");
        registry.add("allice.ai.ollama.models", () -> "llama3.2");
        registry.add("allice.ai.timeout", () -> "3s");
        registry.add("allice.ai.max-retries", () -> "1");
        registry.add("allice.ai.retry-backoff", () -> "10ms");
        registry.add("allice.ai.replicate-poll-interval", () -> "10ms");
        registry.add("allice.ai.training-poll-interval", () -> "50ms");
        registry.add("allice.jobs.polling-interval", () -> "200ms");
        // Above the training data limit of 8 MiB, so that limit can be reached in a test.
        registry.add("allice.max-json-body-size", () -> "16777216");
    }

    @BeforeEach
    void resetStandIn() {
        PROVIDERS.resetAll();
        api = ApiClient.onPort(port);
    }
}
