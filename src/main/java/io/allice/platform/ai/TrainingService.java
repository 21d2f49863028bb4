package io.allice.platform.ai;

import java.time.Clock;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.persistence.OffsetPageRequest;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.web.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts fine-tuning jobs and reads them back for their owner. Starting one validates the
 * request, uploads the examples as JSONL, creates the provider's job and then stores the job
 * and schedules {@link TrainingFollower} in one transaction. Training data is never logged.
 */
@Service
class TrainingService {

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final ProviderRegistry providers;
    private final TrainingJobRepository jobs;
    private final SchedulerClient scheduler;
    private final ObjectProvider<CustomTask<Long>> followTask;
    private final TransactionTemplate transactions;
    private final AiProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    TrainingService(ProviderRegistry providers, TrainingJobRepository jobs, SchedulerClient scheduler,
            ObjectProvider<CustomTask<Long>> followTask, TransactionTemplate transactions, AiProperties properties, JsonMapper json,
            Clock clock) {
        this.providers = providers;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.followTask = followTask;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts a job. Every check runs before the first provider call, so a rejected request
     * uploads nothing. A provider failure is mapped like a failed prediction.
     */
    AiViews.TrainingStarted start(AuthenticatedUser user, AiRequests.Train request) {
        ModelId baseModel = providers.parse(request.baseModel(), "base_model");
        FineTuningApi fineTuning = providers.fineTuning(baseModel.provider())
                .orElseThrow(() -> ApiException.invalidField("base_model", "uses the " + baseModel.provider()
                        + " provider, which does not support fine-tuning; use an openai: model"));
        ProviderAdapter adapter = providers.require(baseModel.provider());
        String modelType = ModelCatalogue.modelType(request.modelType());
        if (!"text".equals(modelType)) {
            throw ApiException.invalidField("model_type", "must be text, the only type that can be fine-tuned");
        }
        TrainingParameters parameters = TrainingParameters.parse(request.parameters());
        byte[] jsonl = TrainingData.toJsonl(request.trainingData(), baseModel.model(), json);

        FineTuningApi.RemoteJob remote;
        String fileId;
        try {
            fileId = fineTuning.uploadTrainingFile(request.modelName() + ".jsonl", jsonl);
            remote = fineTuning.createJob(baseModel.model(), fileId, request.modelName(), parameters);
        } catch (ProviderException e) {
            log.warn("Starting fine-tuning of {} for user {} failed: {} (provider status {})", baseModel, user.id(),
                    e.kind(), e.providerStatus());
            throw ProviderErrors.redacted(ProviderErrors.toApiException(e, adapter, properties.timeout(),
                    properties.retryBackoff()), properties);
        }

        TrainingJob job = transactions.execute(status -> {
            TrainingJob saved = jobs.save(new TrainingJob(user.id(), request.modelName(), modelType, baseModel, fileId,
                    remote.id(), clock.instant()));
            // The task exists wherever the provider is configured, which require() checked above.
            TrainingJobs.schedule(scheduler, followTask.getObject(), saved.id());
            return saved;
        });
        log.info("Training job {} started for user {}: {} on {}, provider job {}, {} bytes of JSONL", job.id(),
                user.id(), request.modelName(), baseModel, remote.id(), jsonl.length);
        return new AiViews.TrainingStarted(Long.toString(job.id()), job.status(), "Training job queued; GET "
                + "/api/ai/train/" + job.id() + " shows its progress");
    }

    @Transactional(readOnly = true)
    AiViews.TrainingJobView get(AuthenticatedUser user, long trainingId) {
        return jobs.findByIdAndUserId(trainingId, user.id()).map(TrainingJob::view)
                .orElseThrow(() -> ApiException.notFound("Training job " + trainingId + " not found"));
    }

    @Transactional(readOnly = true)
    List<AiViews.TrainingJobView> list(AuthenticatedUser user, Paging paging) {
        return jobs.findByUserId(user.id(), OffsetPageRequest.of(paging.skip(), paging.limit(), NEWEST_FIRST))
                .stream().map(TrainingJob::view).toList();
    }
}
