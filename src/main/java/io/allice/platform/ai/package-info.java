/**
 * AI inference: text generation through OpenAI, Google Gemini, Replicate and a self-hosted
 * Ollama server, a model catalogue, per-user usage records, and fine-tuning jobs on providers
 * that offer them. Each provider sits behind {@link io.allice.platform.ai.ProviderAdapter}, so
 * the service and the controller never see a provider's wire format.
 */
@ApplicationModule(displayName = "AI")
package io.allice.platform.ai;

import org.springframework.modulith.ApplicationModule;
