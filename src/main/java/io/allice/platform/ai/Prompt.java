package io.allice.platform.ai;

import java.util.List;
import java.util.Map;

/**
 * One generation request as the adapters receive it: validated, and free of anything the
 * client could use to redirect the call.
 *
 * @param model the model name without the provider prefix
 * @param messages the conversation, a lone prompt being one user message
 * @param input the client's {@code input_data} as sent, which Replicate takes as model input
 */
record Prompt(String model, List<Message> messages, Map<String, Object> input, GenerationParameters parameters) {

    /** One chat turn; {@code role} is {@code system}, {@code user} or {@code assistant}. */
    record Message(String role, String content) {
    }
}
