package io.allice.platform.ai;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.allice.platform.shared.error.ApiException;

/**
 * Hyperparameters of a supervised fine-tuning job. A null value leaves the choice to the
 * provider, which OpenAI calls {@code auto}.
 *
 * @param nEpochs passes over the training data, 1 to 50
 * @param batchSize examples per training step, 1 to 256
 * @param learningRateMultiplier scale of the provider's learning rate, above 0 and at most 10
 */
record TrainingParameters(Long nEpochs, Long batchSize, Double learningRateMultiplier) {

    static final Set<String> NAMES = Set.of("n_epochs", "batch_size", "learning_rate_multiplier");
    private static final int MAX_EPOCHS = 50;
    private static final int MAX_BATCH_SIZE = 256;
    private static final double MAX_LEARNING_RATE_MULTIPLIER = 10;

    /** Parses the request's {@code parameters}; an unknown name or a value out of range is a 400. */
    static TrainingParameters parse(Map<String, Object> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return new TrainingParameters(null, null, null);
        }
        for (String name : parameters.keySet()) {
            if (!NAMES.contains(name)) {
                throw ApiException.invalidField("parameters." + name, "is not supported; use "
                        + String.join(", ", new TreeSet<>(NAMES)));
            }
        }
        return new TrainingParameters(
                wholeNumber(parameters.get("n_epochs"), "n_epochs", MAX_EPOCHS),
                wholeNumber(parameters.get("batch_size"), "batch_size", MAX_BATCH_SIZE),
                multiplier(parameters.get("learning_rate_multiplier")));
    }

    boolean isEmpty() {
        return nEpochs == null && batchSize == null && learningRateMultiplier == null;
    }

    private static Long wholeNumber(Object value, String name, int max) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || !isWhole(number) || number.longValue() < 1 || number.longValue() > max) {
            throw ApiException.invalidField("parameters." + name, "must be a whole number from 1 to " + max);
        }
        return number.longValue();
    }

    private static Double multiplier(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || !(number.doubleValue() > 0)
                || number.doubleValue() > MAX_LEARNING_RATE_MULTIPLIER) {
            throw ApiException.invalidField("parameters.learning_rate_multiplier",
                    "must be a number above 0 and at most " + (int) MAX_LEARNING_RATE_MULTIPLIER);
        }
        return number.doubleValue();
    }

    private static boolean isWhole(Number number) {
        return switch (number) {
            case Integer i -> true;
            case Long l -> true;
            case Short s -> true;
            case BigDecimal decimal -> decimal.stripTrailingZeros().scale() <= 0;
            default -> number.doubleValue() == Math.rint(number.doubleValue());
        };
    }
}
