package io.allice.platform.ai;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.MultipartField;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.FineTuningJobEvent;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.finetuning.methods.SupervisedHyperparameters;
import com.openai.models.finetuning.methods.SupervisedMethod;
import org.springframework.stereotype.Component;

/** OpenAI chat completions, models, files and fine-tuning through the official openai-java SDK. */
@Component
class OpenAiAdapter implements ProviderAdapter, FineTuningApi {

    private final AiProperties.Provider settings;
    private final OpenAIClient client;

    OpenAiAdapter(AiProperties properties) {
        this.settings = properties.openai();
        // Retries are the service's, driven by allice.ai.max-retries, so the SDK makes one attempt.
        this.client = settings.hasKey() ? OpenAIOkHttpClient.builder()
                .apiKey(settings.apiKey())
                .baseUrl(settings.baseUrl())
                .timeout(properties.timeout())
                .maxRetries(0)
                .build() : null;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String configurationVariable() {
        return "OPENAI_API_KEY";
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public Completion complete(Prompt prompt) {
        return call(() -> {
            ChatCompletion response = client.chat().completions().create(request(prompt).build());
            ChatCompletion.Choice choice = response.choices().getFirst();
            return new Completion(choice.message().content().orElse(""), choice.finishReason().asString(),
                    response.usage().map(usage -> (int) usage.promptTokens()).orElse(null),
                    response.usage().map(usage -> (int) usage.completionTokens()).orElse(null));
        });
    }

    @Override
    public Completion stream(Prompt prompt, Consumer<String> onText) {
        ChatCompletionCreateParams params = request(prompt)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        return call(() -> {
            String finishReason = null;
            CompletionUsage usage = null;
            try (StreamResponse<ChatCompletionChunk> chunks = client.chat().completions().createStreaming(params)) {
                for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) chunks.stream()::iterator) {
                    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                        choice.delta().content().filter(text -> !text.isEmpty()).ifPresent(onText);
                        if (choice.finishReason().isPresent()) {
                            finishReason = choice.finishReason().get().asString();
                        }
                    }
                    usage = chunk.usage().orElse(usage);
                }
            }
            return new Completion(null, finishReason, usage == null ? null : (int) usage.promptTokens(),
                    usage == null ? null : (int) usage.completionTokens());
        });
    }

    @Override
    public List<String> listModels() {
        return call(() -> client.models().list().data().stream().map(model -> model.id()).sorted().toList());
    }

    @Override
    public Optional<FineTuningApi> fineTuning() {
        return Optional.of(this);
    }

    @Override
    public String uploadTrainingFile(String fileName, byte[] jsonl) {
        MultipartField<InputStream> file = MultipartField.<InputStream>builder()
                .value(new ByteArrayInputStream(jsonl))
                .filename(fileName)
                .contentType("application/jsonl")
                .build();
        return call(() -> client.files().create(FileCreateParams.builder()
                .file(file)
                .purpose(FilePurpose.FINE_TUNE)
                .build()).id());
    }

    @Override
    public RemoteJob createJob(String baseModel, String trainingFileId, String suffix, TrainingParameters parameters) {
        JobCreateParams.Builder request = JobCreateParams.builder()
                .model(baseModel)
                .trainingFile(trainingFileId)
                .suffix(suffix);
        if (!parameters.isEmpty()) {
            request.method(JobCreateParams.Method.builder()
                    .type(JobCreateParams.Method.Type.SUPERVISED)
                    .supervised(SupervisedMethod.builder().hyperparameters(hyperparameters(parameters)).build())
                    .build());
        }
        return call(() -> remoteJob(client.fineTuning().jobs().create(request.build())));
    }

    @Override
    public RemoteJob retrieveJob(String jobId) {
        return call(() -> remoteJob(client.fineTuning().jobs().retrieve(jobId)));
    }

    @Override
    public List<RemoteEvent> listEvents(String jobId) {
        // The API returns one page of the newest events, newest first.
        // NOTE: only that first page is read (20 events by default), so a job that logs more
        // events between two status reads loses the older ones from its record.
        List<FineTuningJobEvent> events = call(() -> client.fineTuning().jobs().listEvents(jobId).data());
        return events.reversed().stream()
                .map(event -> new RemoteEvent(event.id(), event.createdAt(), event.level().asString(), event.message()))
                .toList();
    }

    private static SupervisedHyperparameters hyperparameters(TrainingParameters parameters) {
        SupervisedHyperparameters.Builder hyperparameters = SupervisedHyperparameters.builder();
        if (parameters.nEpochs() != null) {
            hyperparameters.nEpochs(parameters.nEpochs());
        }
        if (parameters.batchSize() != null) {
            hyperparameters.batchSize(parameters.batchSize());
        }
        if (parameters.learningRateMultiplier() != null) {
            hyperparameters.learningRateMultiplier(parameters.learningRateMultiplier());
        }
        return hyperparameters.build();
    }

    private static RemoteJob remoteJob(FineTuningJob job) {
        return new RemoteJob(job.id(), job.status().asString(), job.fineTunedModel().orElse(null),
                job.trainedTokens().orElse(null), job.error().map(FineTuningJob.Error::message).orElse(null));
    }

    private static ChatCompletionCreateParams.Builder request(Prompt prompt) {
        ChatCompletionCreateParams.Builder request = ChatCompletionCreateParams.builder().model(prompt.model());
        GenerationParameters parameters = prompt.parameters();
        if (parameters.system() != null) {
            request.addSystemMessage(parameters.system());
        }
        for (Prompt.Message message : prompt.messages()) {
            switch (message.role()) {
                case "system" -> request.addSystemMessage(message.content());
                case "assistant" -> request.addAssistantMessage(message.content());
                default -> request.addUserMessage(message.content());
            }
        }
        Optional.ofNullable(parameters.temperature()).ifPresent(request::temperature);
        Optional.ofNullable(parameters.topP()).ifPresent(request::topP);
        Optional.ofNullable(parameters.maxTokens()).ifPresent(max -> request.maxCompletionTokens(max.longValue()));
        Optional.ofNullable(parameters.seed()).ifPresent(request::seed);
        if (!parameters.stop().isEmpty()) {
            request.stop(ChatCompletionCreateParams.Stop.ofStrings(parameters.stop()));
        }
        return request;
    }

    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (OpenAIServiceException e) {
            throw ProviderException.fromStatus(e.statusCode(), errorMessage(e),
                    RetryAfter.parse(e.headers().values("retry-after")));
        } catch (OpenAIIoException e) {
            throw timedOut(e) ? ProviderException.timedOut() : ProviderException.unreachable("connection failed");
        }
    }

    /** Reads {@code error.message} of OpenAI's error body, which never contains the key. */
    private static String errorMessage(OpenAIServiceException e) {
        try {
            Map<?, ?> body = e.body().convert(Map.class);
            if (body != null && body.get("error") instanceof Map<?, ?> error && error.get("message") instanceof String text) {
                return text;
            }
            if (body != null && body.get("message") instanceof String text) {
                return text;
            }
        } catch (RuntimeException ignored) {
            // An unexpected body shape falls back to the status alone.
        }
        return "HTTP " + e.statusCode();
    }

    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
