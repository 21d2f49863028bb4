package io.allice.platform.ai;

import java.util.regex.Pattern;

import io.allice.platform.shared.error.ApiException;

/**
 * A parsed {@code provider:model} reference, for example {@code openai:gpt-4o} or
 * {@code replicate:owner/model:version}. The model part may contain further colons, as
 * fine-tuned OpenAI models and tagged Ollama models do.
 */
record ModelId(String provider, String model) {

    static final int MAX_LENGTH = 300;
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]*");

    /** Parses a client's model id; a missing prefix, an unknown provider or a bad name is a 400. */
    static ModelId parse(String value, java.util.Set<String> providers) {
        return parse(value, providers, "model_id");
    }

    /** Parses a model reference sent in {@code field}, which the 400 names. */
    static ModelId parse(String value, java.util.Set<String> providers, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "is required");
        }
        int colon = value.indexOf(':');
        if (value.length() > MAX_LENGTH || colon <= 0 || colon == value.length() - 1) {
            throw ApiException.invalidField(field,
                    "must look like provider:model, for example openai:gpt-4o");
        }
        String provider = value.substring(0, colon);
        String model = value.substring(colon + 1);
        if (!providers.contains(provider)) {
            throw ApiException.invalidField(field, "has the unknown provider prefix '" + provider
                    + "'; use one of " + String.join(", ", new java.util.TreeSet<>(providers)));
        }
        if (!MODEL_NAME.matcher(model).matches()) {
            throw ApiException.invalidField(field, "contains an invalid model name");
        }
        return new ModelId(provider, model);
    }

    @Override
    public String toString() {
        return provider + ":" + model;
    }
}
