package io.allice.platform.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The default context, where no integration service has OAuth client credentials. */
@IntegrationTest
class IntegrationsNotConfiguredIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void authorizeWithoutClientIs503() {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("int_no_client");

        Response response = api.get("/api/integrations/github/authorize", user.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().get("detail").asString()).isEqualTo("OAuth with GitHub is not configured: set "
                + "ALLICE_INTEGRATIONS_GITHUB_CLIENT_ID and ALLICE_INTEGRATIONS_GITHUB_CLIENT_SECRET");
    }

    @Test
    void unknownServiceAuthorizeIs400() {
        ApiClient api = ApiClient.onPort(port);
        Session user = api.registerNew("int_no_service");

        Response response = api.get("/api/integrations/friendster/authorize", user.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).startsWith("Unknown integration service 'friendster'");
    }
}
