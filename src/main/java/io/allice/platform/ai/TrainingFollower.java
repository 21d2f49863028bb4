package io.allice.platform.ai;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.notifications.NotificationRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a provider's fine-tuning job once and stores its status and new events. When the job
 * ends, the same transaction lists a succeeded job's model in its owner's catalogue and
 * publishes a notification request for the owner. A job the provider no longer has (404) ends
 * as failed. Any other provider failure, rejected credentials included, is retried at the
 * next run, so fixing the key lets the job continue.
 */
@Component
class TrainingFollower {

    private static final Logger log = LoggerFactory.getLogger(TrainingFollower.class);

    private final TrainingJobRepository jobs;
    private final ProviderRegistry providers;
    private final ModelCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TrainingFollower(TrainingJobRepository jobs, ProviderRegistry providers, ModelCatalogue catalogue,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.jobs = jobs;
        this.providers = providers;
        this.catalogue = catalogue;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Follows the job one step; returns whether it has to be read again later. */
    boolean follow(long trainingId) {
        Optional<TrainingJob> found = jobs.findById(trainingId);
        if (found.isEmpty() || found.get().finished()) {
            // A missing job was deleted with its user.
            return false;
        }
        TrainingJob job = found.get();
        Optional<ProviderAdapter> adapter = providers.configured().stream()
                .filter(configured -> configured.name().equals(job.provider())).findFirst();
        Optional<FineTuningApi> fineTuning = adapter.flatMap(ProviderAdapter::fineTuning);
        if (fineTuning.isEmpty()) {
            log.warn("Training job {} waits: the {} provider is not configured", trainingId, job.provider());
            return true;
        }

        FineTuningApi.RemoteJob remote;
        try {
            remote = fineTuning.get().retrieveJob(job.providerJobId());
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.NOT_FOUND) {
                transactions.executeWithoutResult(status -> failMissing(trainingId));
                return false;
            }
            log.warn("Reading training job {} (provider job {}) failed: {} (provider status {}); trying again later",
                    trainingId, job.providerJobId(), e.kind(), e.providerStatus());
            return true;
        }
        List<FineTuningApi.RemoteEvent> remoteEvents = events(fineTuning.get(), job);

        Boolean goesOn = transactions.execute(status -> store(trainingId, remote, remoteEvents));
        return Boolean.TRUE.equals(goesOn);
    }

    /** Reads the job's newest events; a failure only delays them to the next run, as the status matters more. */
    private static List<FineTuningApi.RemoteEvent> events(FineTuningApi fineTuning, TrainingJob job) {
        try {
            return fineTuning.listEvents(job.providerJobId());
        } catch (ProviderException e) {
            log.warn("Reading the events of training job {} (provider job {}) failed: {} (provider status {})",
                    job.id(), job.providerJobId(), e.kind(), e.providerStatus());
            return List.of();
        }
    }

    private boolean store(long trainingId, FineTuningApi.RemoteJob remote, List<FineTuningApi.RemoteEvent> remoteEvents) {
        Optional<TrainingJob> found = jobs.findById(trainingId);
        if (found.isEmpty()) {
            return false;
        }
        TrainingJob job = found.get();
        String before = job.status();
        job.record(remoteEvents);
        boolean ended = job.update(remote, clock.instant());
        if (!before.equals(job.status())) {
            log.info("Training job {} (provider job {}) is {}", trainingId, job.providerJobId(), job.status());
        }
        if (ended) {
            end(job);
        }
        return !job.finished();
    }

    private void failMissing(long trainingId) {
        jobs.findById(trainingId).filter(job -> !job.finished()).ifPresent(job -> {
            job.fail("The provider no longer knows job " + job.providerJobId(), clock.instant());
            log.warn("Training job {} failed: provider job {} was not found", trainingId, job.providerJobId());
            end(job);
        });
    }

    private void end(TrainingJob job) {
        ModelId model = job.resultingModel();
        if (model != null) {
            catalogue.addFineTuned(job.userId(), model, job.modelName(), job.modelType(),
                    "Fine-tuned from " + job.baseModel());
        }
        events.publishEvent(notification(job, model));
    }

    private static NotificationRequested notification(TrainingJob job, ModelId model) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("training_id", Long.toString(job.id()));
        metadata.put("status", job.status());
        String actionUrl = "/api/ai/train/" + job.id();
        if (model != null) {
            metadata.put("model_id", model.toString());
            return new NotificationRequested(job.userId(), "Fine-tuning finished", "Model " + job.modelName()
                    + " is ready; use model_id " + model + " with POST /api/ai/predict", "success", actionUrl,
                    metadata, false);
        }
        if (TrainingJob.SUCCEEDED.equals(job.status())) {
            return new NotificationRequested(job.userId(), "Fine-tuning finished without a model", "Training "
                    + job.modelName() + " succeeded, but the provider reported no model name", "warning", actionUrl,
                    metadata, false);
        }
        String reason = job.error() == null ? "" : ": " + job.error();
        return new NotificationRequested(job.userId(), "Fine-tuning " + job.status(), "Training " + job.modelName()
                + " " + job.status() + reason, "error", actionUrl, metadata, false);
    }
}
