package io.allice.platform.ai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.json.UnstorableCharacters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training examples validated and written as JSONL, one example per line. Chat models take
 * {@code {"messages": [...]}} lines, so a {@code {prompt, completion}} example becomes a user
 * and an assistant message; the legacy completion models {@code babbage-002} and
 * {@code davinci-002} take {@code {"prompt", "completion"}} lines as they are.
 */
final class TrainingData {

    static final int MIN_EXAMPLES = 10;
    static final int MAX_EXAMPLES = 10_000;
    /** Largest JSONL file accepted, in bytes. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final int MAX_MESSAGES = 100;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final Set<String> COMPLETION_MODELS = Set.of("babbage-002", "davinci-002");

    private TrainingData() {
    }

    /** Validates {@code training_data} and returns it as UTF-8 JSONL for the given base model. */
    static byte[] toJsonl(Map<String, Object> trainingData, String baseModel, JsonMapper json) {
        List<FieldViolation> nul = UnstorableCharacters.violations(Map.of("training_data", trainingData));
        if (!nul.isEmpty()) {
            throw ApiException.invalidFields(nul);
        }
        if (trainingData.size() != 1 || !(trainingData.get("examples") instanceof List<?> examples)) {
            throw ApiException.invalidField("training_data", "must be an object with one field, examples, a list");
        }
        if (examples.size() < MIN_EXAMPLES || examples.size() > MAX_EXAMPLES) {
            throw ApiException.invalidField("training_data.examples", "must contain " + MIN_EXAMPLES + " to "
                    + MAX_EXAMPLES + " examples; it contains " + examples.size());
        }

        boolean completionModel = COMPLETION_MODELS.contains(baseModel);
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        for (int i = 0; i < examples.size(); i++) {
            Map<String, Object> line = line(examples.get(i), "training_data.examples[" + i + "]", completionModel);
            jsonl.writeBytes(json.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
            jsonl.write('\n');
            if (jsonl.size() > MAX_BYTES) {
                throw ApiException.invalidField("training_data", "exceeds " + MAX_BYTES
                        + " bytes as JSONL; send fewer or shorter examples");
            }
        }
        return jsonl.toByteArray();
    }

    private static Map<String, Object> line(Object example, String field, boolean completionModel) {
        if (!(example instanceof Map<?, ?> map)) {
            throw ApiException.invalidField(field, "must be an object with prompt and completion, or with messages");
        }
        if (map.size() == 2 && map.containsKey("prompt") && map.containsKey("completion")) {
            String prompt = text(map.get("prompt"), field + ".prompt");
            String completion = text(map.get("completion"), field + ".completion");
            if (completionModel) {
                return orderedMap("prompt", prompt, "completion", completion);
            }
            return Map.of("messages", List.of(message("user", prompt), message("assistant", completion)));
        }
        if (map.size() == 1 && map.containsKey("messages")) {
            if (completionModel) {
                throw ApiException.invalidField(field, "must have prompt and completion, because "
                        + String.join(" and ", COMPLETION_MODELS.stream().sorted().toList())
                        + " are not chat models");
            }
            return Map.of("messages", messages(map.get("messages"), field + ".messages"));
        }
        throw ApiException.invalidField(field, "must be an object with prompt and completion, or with messages");
    }

    private static List<Map<String, Object>> messages(Object value, String field) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_MESSAGES) {
            throw ApiException.invalidField(field, "must be a list of 1 to " + MAX_MESSAGES + " messages");
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String item = field + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map) || map.size() != 2) {
                throw ApiException.invalidField(item, "must be an object with role and content");
            }
            if (!(map.get("role") instanceof String role) || !ROLES.contains(role)) {
                throw ApiException.invalidField(item + ".role", "must be system, user or assistant");
            }
            messages.add(message(role, text(map.get("content"), item + ".content")));
        }
        if (messages.stream().noneMatch(message -> "assistant".equals(message.get("role")))) {
            throw ApiException.invalidField(field, "must contain at least one assistant message to learn from");
        }
        return messages;
    }

    private static String text(Object value, String field) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw ApiException.invalidField(field, "must be a non-blank string");
        }
        return text;
    }

    private static Map<String, Object> message(String role, String content) {
        return orderedMap("role", role, "content", content);
    }

    private static Map<String, Object> orderedMap(String firstKey, Object first, String secondKey, Object second) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(firstKey, first);
        map.put(secondKey, second);
        return map;
    }
}
