package io.allice.platform.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.json.UnstorableCharacters;
import io.allice.platform.shared.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs predictions: validates the request, picks the provider by the {@code model_id} prefix,
 * retries a provider's 429 and 5xx with exponential backoff, maps failures to HTTP responses and
 * records every provider call for the caller. Prompts and outputs are never logged.
 */
@Service
class InferenceService {

    private static final Logger log = LoggerFactory.getLogger(InferenceService.class);
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final int MAX_MESSAGES = 500;
    private static final int MAX_TEXT_LENGTH = 200_000;

    private final ProviderRegistry providers;
    private final ModelCatalogue catalogue;
    private final UsageService usage;
    private final AiProperties properties;

    InferenceService(ProviderRegistry providers, ModelCatalogue catalogue, UsageService usage, AiProperties properties) {
        this.providers = providers;
        this.catalogue = catalogue;
        this.usage = usage;
        this.properties = properties;
    }

    /** A validated request, ready to send to its provider. */
    record Prepared(ModelId modelId, ProviderAdapter adapter, Prompt prompt) {
    }

    /** Validates a request without calling anything, so a stream can still be rejected with a status. */
    Prepared prepare(AuthenticatedUser user, AiRequests.Predict request) {
        ModelId modelId = providers.parse(request.modelId());
        GenerationParameters parameters = GenerationParameters.parse(request.parameters());
        Prompt prompt = prompt(modelId, request.inputData(), parameters);
        ProviderAdapter adapter = providers.require(modelId.provider());
        if (properties.catalogueRestricted() && !catalogue.allows(user.id(), modelId.toString())) {
            throw ApiException.invalidField("model_id", "'" + modelId + "' is not in the model catalogue; "
                    + "GET /api/ai/models lists the models you can use");
        }
        return new Prepared(modelId, adapter, prompt);
    }

    AiViews.Prediction predict(AuthenticatedUser user, Prepared prepared) {
        long started = System.nanoTime();
        Completion completion = call(user, prepared, started, () -> prepared.adapter().complete(prepared.prompt()));
        return new AiViews.Prediction(prepared.modelId().toString(), completion.output(),
                metadata(prepared, completion, started));
    }

    /**
     * Streams the output to {@code onText}. A failure before the first piece of text is retried
     * like any call; after it, the failure is thrown as it is, because the text cannot be taken back.
     */
    AiViews.PredictionMetadata stream(AuthenticatedUser user, Prepared prepared, Consumer<String> onText) {
        long started = System.nanoTime();
        boolean[] outputStarted = {false};
        Consumer<String> tracking = text -> {
            outputStarted[0] = true;
            onText.accept(text);
        };
        Completion completion = call(user, prepared, started, () -> {
            try {
                return prepared.adapter().stream(prepared.prompt(), tracking);
            } catch (ProviderException e) {
                if (outputStarted[0]) {
                    throw new ProviderException(ProviderException.Kind.UNAVAILABLE, 0, e.getMessage(), null);
                }
                throw e;
            }
        });
        return metadata(prepared, completion, started);
    }

    private Completion call(AuthenticatedUser user, Prepared prepared, long started, Supplier<Completion> action) {
        try {
            Completion completion = withRetries(prepared, action);
            usage.record(user.id(), prepared.modelId(), completion, elapsedMillis(started), 200);
            return completion;
        } catch (ProviderException e) {
            ApiException mapped = ProviderErrors.redacted(ProviderErrors.toApiException(e, prepared.adapter(),
                    properties.timeout(), properties.retryBackoff()), properties);
            usage.record(user.id(), prepared.modelId(), null, elapsedMillis(started), mapped.status().value());
            log.warn("Prediction with {} for user {} failed: {} (provider status {})", prepared.modelId(), user.id(),
                    e.kind(), e.providerStatus());
            throw mapped;
        }
    }

    private Completion withRetries(Prepared prepared, Supplier<Completion> action) {
        for (int attempt = 0; ; attempt++) {
            try {
                return action.get();
            } catch (ProviderException e) {
                if (!e.retryable() || attempt >= properties.maxRetries()) {
                    throw e;
                }
                Duration wait = properties.retryBackoff().multipliedBy(1L << attempt);
                log.info("Retrying {} in {} ms after {} (attempt {} of {})", prepared.modelId(), wait.toMillis(),
                        e.kind(), attempt + 2, properties.maxRetries() + 1);
                pause(wait);
            }
        }
    }

    private Prompt prompt(ModelId modelId, Map<String, Object> input, GenerationParameters parameters) {
        List<FieldViolation> nul = UnstorableCharacters.violations(Map.of("input_data", input));
        if (!nul.isEmpty()) {
            throw ApiException.invalidFields(nul);
        }
        if ("replicate".equals(modelId.provider())) {
            if (input.isEmpty()) {
                throw ApiException.invalidField("input_data", "must contain the model's input fields");
            }
            return new Prompt(modelId.model(), List.of(), input, parameters);
        }
        return new Prompt(modelId.model(), messages(input), input, parameters);
    }

    private static List<Prompt.Message> messages(Map<String, Object> input) {
        Object prompt = input.get("prompt");
        Object messages = input.get("messages");
        if ((prompt == null) == (messages == null) || input.size() > 1) {
            throw ApiException.invalidField("input_data", "must contain exactly one of prompt or messages");
        }
        if (prompt != null) {
            if (!(prompt instanceof String text) || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
                throw ApiException.invalidField("input_data.prompt",
                        "must be a non-blank string of at most " + MAX_TEXT_LENGTH + " characters");
            }
            return List.of(new Prompt.Message("user", text));
        }
        if (!(messages instanceof List<?> list) || list.isEmpty() || list.size() > MAX_MESSAGES) {
            throw ApiException.invalidField("input_data.messages", "must be a list of 1 to " + MAX_MESSAGES + " messages");
        }
        List<Prompt.Message> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            parsed.add(message(list.get(i), "input_data.messages[" + i + "]"));
        }
        return parsed;
    }

    private static Prompt.Message message(Object item, String field) {
        if (!(item instanceof Map<?, ?> map) || map.size() != 2) {
            throw ApiException.invalidField(field, "must be an object with role and content");
        }
        if (!(map.get("role") instanceof String role) || !ROLES.contains(role)) {
            throw ApiException.invalidField(field + ".role", "must be system, user or assistant");
        }
        if (!(map.get("content") instanceof String content) || content.isBlank() || content.length() > MAX_TEXT_LENGTH) {
            throw ApiException.invalidField(field + ".content",
                    "must be a non-blank string of at most " + MAX_TEXT_LENGTH + " characters");
        }
        return new Prompt.Message(role, content);
    }

    private static AiViews.PredictionMetadata metadata(Prepared prepared, Completion completion, long started) {
        return new AiViews.PredictionMetadata(prepared.modelId().provider(), prepared.modelId().model(),
                completion.finishReason(), completion.inputTokens(), completion.outputTokens(), elapsedMillis(started));
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.timedOut();
        }
    }
}
