package io.allice.platform.ai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.allice.platform.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "AI")
class PredictionController {

    private final InferenceService inference;
    private final UsageService usage;
    private final JsonMapper json;

    PredictionController(InferenceService inference, UsageService usage, JsonMapper json) {
        this.inference = inference;
        this.usage = usage;
        this.json = json;
    }

    @PostMapping(path = "/api/ai/predict", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run a model; the model_id prefix (openai:, google:, replicate:, ollama:) picks the provider")
    AiViews.Prediction predict(@AuthenticationPrincipal AuthenticatedUser user,
            @Valid @RequestBody AiRequests.Predict request) {
        return inference.predict(user, inference.prepare(user, request));
    }

    /**
     * Streams the output as Server-Sent Events: {@code delta} events with {@code {"text": ...}},
     * then one {@code done} event with the metadata. Headers are sent with the first piece of
     * output, so a failure before it is an ordinary problem response with its status; a failure
     * after it ends the stream with an {@code error} event.
     */
    @PostMapping(path = "/api/ai/predict", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Run a model and stream its output as Server-Sent Events")
    void predictStreaming(@AuthenticationPrincipal AuthenticatedUser user,
            @Valid @RequestBody AiRequests.Predict request, HttpServletResponse response) throws IOException {
        InferenceService.Prepared prepared = inference.prepare(user, request);
        EventWriter events = new EventWriter(response);
        AiViews.PredictionMetadata metadata;
        try {
            metadata = inference.stream(user, prepared, text -> events.send("delta", Map.of("text", text)));
        } catch (io.allice.platform.shared.error.ApiException e) {
            if (!events.started()) {
                throw e;
            }
            events.send("error", Map.of("status", e.status().value(), "detail", e.getMessage()));
            return;
        }
        events.send("done", new AiViews.Prediction(prepared.modelId().toString(), null, metadata));
    }

    @GetMapping(path = "/api/ai/usage", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller's AI calls and tokens over the last days, in total and per model")
    AiViews.UsageSummary usage(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(name = "days", defaultValue = "30") int days) {
        return usage.summarize(user.id(), days);
    }

    /** Writes Server-Sent Events, committing the response with the first one. */
    private final class EventWriter {

        private final HttpServletResponse response;
        private OutputStream body;

        EventWriter(HttpServletResponse response) {
            this.response = response;
        }

        boolean started() {
            return body != null;
        }

        void send(String name, Object data) {
            try {
                if (body == null) {
                    response.setStatus(200);
                    response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    response.setHeader("Cache-Control", "no-cache");
                    response.setHeader("X-Accel-Buffering", "no");
                    body = response.getOutputStream();
                }
                String event = "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
                body.write(event.getBytes(StandardCharsets.UTF_8));
                body.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("The client closed the event stream", e);
            }
        }
    }
}
