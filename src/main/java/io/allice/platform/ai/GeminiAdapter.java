package io.allice.platform.ai;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.ListModelsConfig;
import com.google.genai.types.Part;
import org.springframework.stereotype.Component;

/** Google Gemini through the official google-genai SDK, against the Gemini Developer API. */
@Component
class GeminiAdapter implements ProviderAdapter {

    private final Client client;

    GeminiAdapter(AiProperties properties) {
        AiProperties.Provider settings = properties.google();
        // One attempt per call: retries are the service's, driven by allice.ai.max-retries.
        this.client = settings.hasKey() ? Client.builder()
                .apiKey(settings.apiKey())
                .vertexAI(false)
                .httpOptions(HttpOptions.builder()
                        .baseUrl(settings.baseUrl())
                        .timeout((int) properties.timeout().toMillis())
                        .retryOptions(HttpRetryOptions.builder().attempts(1).build())
                        .build())
                .build() : null;
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    public String configurationVariable() {
        return "GOOGLE_API_KEY";
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public Completion complete(Prompt prompt) {
        return call(() -> {
            GenerateContentResponse response = client.models.generateContent(prompt.model(), contents(prompt),
                    config(prompt));
            GenerateContentResponseUsageMetadata usage = response.usageMetadata().orElse(null);
            return new Completion(text(response), finishReason(response),
                    usage == null ? null : usage.promptTokenCount().orElse(null),
                    usage == null ? null : usage.candidatesTokenCount().orElse(null));
        });
    }

    @Override
    public Completion stream(Prompt prompt, Consumer<String> onText) {
        return call(() -> {
            String finishReason = null;
            GenerateContentResponseUsageMetadata usage = null;
            try (ResponseStream<GenerateContentResponse> chunks = client.models.generateContentStream(prompt.model(),
                    contents(prompt), config(prompt))) {
                for (GenerateContentResponse chunk : chunks) {
                    String text = text(chunk);
                    if (!text.isEmpty()) {
                        onText.accept(text);
                    }
                    finishReason = finishReason(chunk) == null ? finishReason : finishReason(chunk);
                    usage = chunk.usageMetadata().orElse(usage);
                }
            }
            return new Completion(null, finishReason, usage == null ? null : usage.promptTokenCount().orElse(null),
                    usage == null ? null : usage.candidatesTokenCount().orElse(null));
        });
    }

    @Override
    public List<String> listModels() {
        return call(() -> {
            List<String> names = new ArrayList<>();
            for (var model : client.models.list(ListModelsConfig.builder().build())) {
                model.name().map(name -> name.startsWith("models/") ? name.substring(7) : name).ifPresent(names::add);
            }
            return names.stream().sorted().toList();
        });
    }

    private static List<Content> contents(Prompt prompt) {
        // Gemini names the assistant "model", and takes system text only as systemInstruction.
        return prompt.messages().stream()
                .filter(message -> !"system".equals(message.role()))
                .map(message -> Content.builder()
                        .role("assistant".equals(message.role()) ? "model" : "user")
                        .parts(Part.fromText(message.content()))
                        .build())
                .toList();
    }

    private static GenerateContentConfig config(Prompt prompt) {
        GenerationParameters parameters = prompt.parameters();
        GenerateContentConfig.Builder config = GenerateContentConfig.builder();
        List<String> system = new ArrayList<>();
        if (parameters.system() != null) {
            system.add(parameters.system());
        }
        prompt.messages().stream().filter(message -> "system".equals(message.role()))
                .forEach(message -> system.add(message.content()));
        if (!system.isEmpty()) {
            config.systemInstruction(Content.fromParts(Part.fromText(String.join("\n\n", system))));
        }
        if (parameters.temperature() != null) {
            config.temperature(parameters.temperature().floatValue());
        }
        if (parameters.topP() != null) {
            config.topP(parameters.topP().floatValue());
        }
        if (parameters.maxTokens() != null) {
            config.maxOutputTokens(parameters.maxTokens());
        }
        if (!parameters.stop().isEmpty()) {
            config.stopSequences(parameters.stop());
        }
        if (parameters.seed() != null) {
            config.seed(parameters.seed().intValue());
        }
        return config.build();
    }

    private static String text(GenerateContentResponse response) {
        String text = response.text();
        return text == null ? "" : text;
    }

    private static String finishReason(GenerateContentResponse response) {
        var reason = response.finishReason();
        return reason == null ? null : reason.toString();
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw ProviderException.fromStatus(e.code(), e.message() == null ? "HTTP " + e.code() : e.message(), null);
        } catch (GenAiIOException e) {
            throw timedOut(e) ? ProviderException.timedOut() : ProviderException.unreachable("connection failed");
        }
    }

    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
