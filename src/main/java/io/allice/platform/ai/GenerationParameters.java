package io.allice.platform.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;

/**
 * The generation settings a client may pass in {@code parameters}. Each adapter translates
 * them to its provider's names. Keys, base URLs and streaming flags are not among them, so a
 * client cannot change where or how the platform calls a provider.
 *
 * @param temperature 0 to 2, or null
 * @param maxTokens 1 to 100000 output tokens, or null
 * @param topP 0 to 1, or null
 * @param stop up to 4 non-empty stop sequences; empty when not given
 * @param system a system instruction of at most 20000 characters, or null
 * @param seed a non-negative integer below 2^31, or null
 */
record GenerationParameters(Double temperature, Integer maxTokens, Double topP, List<String> stop, String system,
        Long seed) {

    static final Set<String> NAMES = Set.of("temperature", "max_tokens", "top_p", "stop", "system", "seed");
    static final GenerationParameters NONE = new GenerationParameters(null, null, null, List.of(), null, null);

    private static final int MAX_STOP_SEQUENCES = 4;
    private static final int MAX_SYSTEM_LENGTH = 20_000;

    /** Validates a client's {@code parameters} object; an unknown name or a bad value is a 400. */
    static GenerationParameters parse(Map<String, Object> raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        List<FieldViolation> violations = new ArrayList<>();
        raw.keySet().stream().filter(name -> !NAMES.contains(name)).sorted().forEach(name -> violations.add(
                new FieldViolation("parameters." + name, "is not supported; use " + String.join(", ",
                        NAMES.stream().sorted().toList()))));
        Double temperature = number(raw, "temperature", 0, 2, violations);
        Double topP = number(raw, "top_p", 0, 1, violations);
        Long maxTokens = integer(raw, "max_tokens", 1, 100_000, violations);
        Long seed = integer(raw, "seed", 0, Integer.MAX_VALUE, violations);
        List<String> stop = stopSequences(raw.get("stop"), violations);
        String system = system(raw.get("system"), violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
        return new GenerationParameters(temperature, maxTokens == null ? null : maxTokens.intValue(), topP, stop,
                system, seed);
    }

    private static Double number(Map<String, Object> raw, String name, double min, double max,
            List<FieldViolation> violations) {
        Object value = raw.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() < min || number.doubleValue() > max) {
            violations.add(new FieldViolation("parameters." + name, "must be a number from " + min + " to " + max));
            return null;
        }
        return number.doubleValue();
    }

    private static Long integer(Map<String, Object> raw, String name, long min, long max,
            List<FieldViolation> violations) {
        Object value = raw.get(name);
        if (value == null) {
            return null;
        }
        boolean whole = value instanceof Integer || value instanceof Long
                || value instanceof java.math.BigInteger big && big.bitLength() < 63;
        if (!whole || ((Number) value).longValue() < min || ((Number) value).longValue() > max) {
            violations.add(new FieldViolation("parameters." + name, "must be an integer from " + min + " to " + max));
            return null;
        }
        return ((Number) value).longValue();
    }

    private static List<String> stopSequences(Object value, List<FieldViolation> violations) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof String single ? List.of(single) : value instanceof List<?> list ? list : null;
        boolean valid = items != null && !items.isEmpty() && items.size() <= MAX_STOP_SEQUENCES
                && items.stream().allMatch(item -> item instanceof String text && !text.isEmpty() && text.length() <= 100);
        if (!valid) {
            violations.add(new FieldViolation("parameters.stop",
                    "must be a string or a list of 1 to 4 non-empty strings of at most 100 characters"));
            return List.of();
        }
        return items.stream().map(String.class::cast).toList();
    }

    private static String system(Object value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_SYSTEM_LENGTH) {
            violations.add(new FieldViolation("parameters.system",
                    "must be a non-blank string of at most " + MAX_SYSTEM_LENGTH + " characters"));
            return null;
        }
        return text;
    }
}
