package io.allice.platform.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    @Test
    void openApiStatusesMatchResponses() {
        JsonNode paths = ApiClient.onPort(port).get("/openapi.json", null).json().get("paths");

        assertThat(responseCodes(paths, "/api/files/upload", "post")).contains("201").doesNotContain("200");
        assertThat(responseCodes(paths, "/api/media/upload", "post")).contains("201").doesNotContain("200");
        assertThat(responseCodes(paths, "/api/ai/models", "post")).contains("201").doesNotContain("200");
        assertThat(responseCodes(paths, "/api/files/{file_id}", "delete")).contains("204").doesNotContain("200");
        assertThat(responseCodes(paths, "/api/media/{media_id}", "delete")).contains("204").doesNotContain("200");
        assertThat(responseCodes(paths, "/api/ai/models/{id}", "delete")).contains("204").doesNotContain("200");
        for (String path : List.of("/api/files/{file_id}/download", "/api/media/{media_id}/stream",
                "/shared/{token}/download", "/shared/{token}/stream")) {
            JsonNode get = paths.get(path).get("get");
            assertThat(responseCodes(paths, path, "get")).as(path).contains("200", "206", "304", "416");
            assertThat(get.get("parameters").findValuesAsString("name")).as(path)
                    .contains("Range", "If-Range", "If-None-Match");
        }
    }

    private static List<String> responseCodes(JsonNode paths, String path, String method) {
        return List.copyOf(paths.get(path).get(method).get("responses").propertyNames());
    }
}
