package io.allice.platform.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MediaApiDocsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void openApiDescribesFileAndMediaRoutes() {
        Response docs = ApiClient.onPort(port).get("/openapi.json", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.get("/api/files/upload").get("post").get("requestBody").get("content")
                .has("multipart/form-data")).isTrue();
        assertThat(paths.get("/api/media/upload").get("post").get("requestBody").get("content")
                .has("multipart/form-data")).isTrue();
        assertThat(paths.has("/api/files/{file_id}/download")).isTrue();
        assertThat(paths.has("/api/media/{media_id}/stream")).isTrue();
        assertThat(paths.get("/api/media/{media_id}/transcode").has("post")).isTrue();
    }
}
