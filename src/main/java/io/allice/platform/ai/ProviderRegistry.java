package io.allice.platform.ai;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.allice.platform.shared.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The provider adapters by {@code model_id} prefix. */
@Component
class ProviderRegistry {

    private final Map<String, ProviderAdapter> adapters;

    ProviderRegistry(List<ProviderAdapter> adapters) {
        this.adapters = adapters.stream().collect(Collectors.toUnmodifiableMap(ProviderAdapter::name, Function.identity()));
    }

    Set<String> names() {
        return adapters.keySet();
    }

    List<ProviderAdapter> configured() {
        return adapters.values().stream().filter(ProviderAdapter::configured).toList();
    }

    ModelId parse(String modelId) {
        return ModelId.parse(modelId, adapters.keySet());
    }

    ModelId parse(String modelId, String field) {
        return ModelId.parse(modelId, adapters.keySet(), field);
    }

    /** The provider's fine-tuning API, whether or not the provider is configured; empty if it has none. */
    java.util.Optional<FineTuningApi> fineTuning(String provider) {
        return java.util.Optional.ofNullable(adapters.get(provider)).flatMap(ProviderAdapter::fineTuning);
    }

    /** Returns the adapter, or a 503 that names the variable to set when the provider is not configured. */
    ProviderAdapter require(String provider) {
        ProviderAdapter adapter = adapters.get(provider);
        if (adapter == null) {
            throw ApiException.invalidField("provider", "is unknown; use one of " + String.join(", ", names()));
        }
        if (!adapter.configured()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The " + provider
                    + " provider is not configured; set " + adapter.configurationVariable() + " to enable it");
        }
        return adapter;
    }
}
