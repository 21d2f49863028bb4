package io.allice.platform.ai;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port to one AI provider. Adapters throw {@link ProviderException} for every failed
 * call and translate {@link GenerationParameters} to their provider's names.
 */
interface ProviderAdapter {

    /** The {@code model_id} prefix, for example {@code openai}. */
    String name();

    /** The environment variable that configures this provider, named in 503 details. */
    String configurationVariable();

    boolean configured();

    Completion complete(Prompt prompt);

    /** Sends each piece of output to {@code onText} as it arrives, then returns the totals. */
    Completion stream(Prompt prompt, Consumer<String> onText);

    /** Model names the provider's list endpoint reports. */
    List<String> listModels();

    /** The provider's fine-tuning API, when it has one. */
    default Optional<FineTuningApi> fineTuning() {
        return Optional.empty();
    }
}
