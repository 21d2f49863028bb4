package io.allice.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class HealthApiIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }

    @Test
    void healthIsPublicAndReportsTheDatabase() {
        Response response = api.get("/api/system/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("healthy");
        assertThat(response.json().get("database").asString()).isEqualTo("up");
        assertThat(response.json().get("version").asString()).isEqualTo("1.0.0");
        assertThat(response.json().get("uptime").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(response.json().get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }
}
