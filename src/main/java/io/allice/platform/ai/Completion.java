package io.allice.platform.ai;

/**
 * A provider's finished response.
 *
 * @param output the generated text, or for Replicate the model's output as JSON
 * @param finishReason why generation stopped in the provider's words, or null
 * @param inputTokens prompt tokens when the provider reports them, else null
 * @param outputTokens generated tokens when the provider reports them, else null
 */
record Completion(Object output, String finishReason, Integer inputTokens, Integer outputTokens) {
}
