package io.allice.platform.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** A self-hosted Ollama server through its chat API, so AI works without a cloud account. */
@Component
class OllamaAdapter implements ProviderAdapter {

    private final AiProperties.Provider settings;
    private final ProviderHttp http;

    OllamaAdapter(AiProperties properties) {
        this.settings = properties.ollama();
        this.http = new ProviderHttp(properties.timeout(), "");
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String configurationVariable() {
        return "OLLAMA_BASE_URL";
    }

    @Override
    public boolean configured() {
        return !settings.baseUrl().isEmpty();
    }

    @Override
    public Completion complete(Prompt prompt) {
        JsonNode answer = http.post(settings.baseUrl() + "/api/chat", body(prompt, false));
        return completion(answer.path("message").path("content").asString(""), answer);
    }

    /** Ollama streams one JSON object per line; the last one has {@code done: true} and the counts. */
    @Override
    public Completion stream(Prompt prompt, Consumer<String> onText) {
        JsonNode last = null;
        try (Stream<String> lines = http.postForLines(settings.baseUrl() + "/api/chat", body(prompt, true))) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode chunk = ProviderHttp.JSON.readTree(line);
                if (chunk.path("error").isString()) {
                    throw ProviderException.unreachable(chunk.path("error").asString());
                }
                String text = chunk.path("message").path("content").asString("");
                if (!text.isEmpty()) {
                    onText.accept(text);
                }
                last = chunk;
            }
        }
        return completion(null, last == null ? ProviderHttp.JSON.createObjectNode() : last);
    }

    @Override
    public List<String> listModels() {
        return http.get(settings.baseUrl() + "/api/tags").path("models").valueStream()
                .map(model -> model.path("name").asString())
                .sorted().toList();
    }

    private static Map<String, Object> body(Prompt prompt, boolean stream) {
        List<Map<String, String>> messages = new ArrayList<>();
        GenerationParameters parameters = prompt.parameters();
        if (parameters.system() != null) {
            messages.add(Map.of("role", "system", "content", parameters.system()));
        }
        prompt.messages().forEach(message -> messages.add(Map.of("role", message.role(), "content", message.content())));
        Map<String, Object> options = new LinkedHashMap<>();
        putIfSet(options, "temperature", parameters.temperature());
        putIfSet(options, "num_predict", parameters.maxTokens());
        putIfSet(options, "top_p", parameters.topP());
        putIfSet(options, "seed", parameters.seed());
        if (!parameters.stop().isEmpty()) {
            options.put("stop", parameters.stop());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", prompt.model());
        body.put("messages", messages);
        body.put("stream", stream);
        if (!options.isEmpty()) {
            body.put("options", options);
        }
        return body;
    }

    private static void putIfSet(Map<String, Object> options, String name, Object value) {
        if (value != null) {
            options.put(name, value);
        }
    }

    private static Completion completion(String output, JsonNode answer) {
        return new Completion(output, answer.path("done_reason").isString() ? answer.path("done_reason").asString() : null,
                answer.path("prompt_eval_count").isNumber() ? answer.path("prompt_eval_count").asInt() : null,
                answer.path("eval_count").isNumber() ? answer.path("eval_count").asInt() : null);
    }
}
