package io.allice.platform.ai;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Replicate predictions over its HTTP API: creates the prediction, reads its status until it
 * ends or the time limit passes, and returns its output unchanged. The client's
 * {@code input_data} is the model input; the generation parameters are added to it under the
 * names Replicate's language models use.
 */
@Component
class ReplicateAdapter implements ProviderAdapter {

    private static final Logger log = LoggerFactory.getLogger(ReplicateAdapter.class);
    private static final Set<String> FINAL_STATUSES = Set.of("succeeded", "failed", "canceled");

    private final AiProperties.Provider settings;
    private final Duration timeout;
    private final Duration pollInterval;
    private final ProviderHttp http;

    ReplicateAdapter(AiProperties properties) {
        this.settings = properties.replicate();
        this.timeout = properties.timeout();
        this.pollInterval = properties.replicatePollInterval();
        this.http = new ProviderHttp(properties.timeout(), settings.apiKey());
    }

    @Override
    public String name() {
        return "replicate";
    }

    @Override
    public String configurationVariable() {
        return "REPLICATE_API_TOKEN";
    }

    @Override
    public boolean configured() {
        return settings.hasKey();
    }

    @Override
    public Completion complete(Prompt prompt) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode prediction = http.post(createUrl(prompt.model()), createBody(prompt));
        String id = prediction.path("id").asString();
        while (!FINAL_STATUSES.contains(prediction.path("status").asString())) {
            if (Instant.now().plus(pollInterval).isAfter(deadline)) {
                cancel(id);
                throw ProviderException.timedOut();
            }
            pause();
            prediction = http.get(settings.baseUrl() + "/predictions/" + id);
        }
        return completion(prediction);
    }

    /** Replicate's output arrives whole here, so the stream carries it as one piece of text. */
    @Override
    public Completion stream(Prompt prompt, Consumer<String> onText) {
        Completion completion = complete(prompt);
        Object output = completion.output();
        onText.accept(output instanceof String text ? text : ProviderHttp.JSON.writeValueAsString(output));
        return completion;
    }

    @Override
    public List<String> listModels() {
        JsonNode page = http.get(settings.baseUrl() + "/models");
        return page.path("results").valueStream()
                .map(model -> model.path("owner").asString() + "/" + model.path("name").asString())
                .sorted().toList();
    }

    private String createUrl(String model) {
        int colon = model.indexOf(':');
        if (colon >= 0) {
            return settings.baseUrl() + "/predictions";
        }
        String[] parts = model.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new ProviderException(ProviderException.Kind.BAD_REQUEST, 0,
                    "Replicate models are named owner/model or owner/model:version", null);
        }
        return settings.baseUrl() + "/models/" + parts[0] + "/" + parts[1] + "/predictions";
    }

    private static Map<String, Object> createBody(Prompt prompt) {
        Map<String, Object> input = new LinkedHashMap<>(prompt.input());
        GenerationParameters parameters = prompt.parameters();
        putIfSet(input, "temperature", parameters.temperature());
        putIfSet(input, "max_tokens", parameters.maxTokens());
        putIfSet(input, "top_p", parameters.topP());
        putIfSet(input, "system_prompt", parameters.system());
        putIfSet(input, "seed", parameters.seed());
        if (!parameters.stop().isEmpty()) {
            input.put("stop_sequences", String.join(",", parameters.stop()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        int colon = prompt.model().indexOf(':');
        if (colon >= 0) {
            body.put("version", prompt.model().substring(colon + 1));
        }
        body.put("input", input);
        return body;
    }

    private static void putIfSet(Map<String, Object> input, String name, Object value) {
        if (value != null) {
            input.put(name, value);
        }
    }

    private static Completion completion(JsonNode prediction) {
        String status = prediction.path("status").asString();
        if (!"succeeded".equals(status)) {
            String error = prediction.path("error").isString() ? prediction.path("error").asString() : status;
            throw ProviderException.unreachable("the prediction " + status + ": " + error);
        }
        JsonNode metrics = prediction.path("metrics");
        return new Completion(ProviderHttp.JSON.treeToValue(prediction.path("output"), Object.class), status,
                metrics.path("input_token_count").isNumber() ? metrics.path("input_token_count").asInt() : null,
                metrics.path("output_token_count").isNumber() ? metrics.path("output_token_count").asInt() : null);
    }

    private void cancel(String id) {
        try {
            http.post(settings.baseUrl() + "/predictions/" + id + "/cancel", Map.of());
        } catch (ProviderException e) {
            log.warn("Cancelling Replicate prediction {} after the time limit failed: {}", id, e.kind());
        }
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.timedOut();
        }
    }
}
