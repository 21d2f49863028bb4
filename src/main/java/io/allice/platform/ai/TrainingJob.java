package io.allice.platform.ai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user's fine-tuning job and the provider job it follows. The status is {@code queued} until
 * the first status read, then the provider's own: {@code validating_files}, {@code queued},
 * {@code running}, and at the end {@code succeeded}, {@code failed} or {@code cancelled}.
 */
@Entity
@Table(name = "ai_training_jobs")
class TrainingJob {

    static final String QUEUED = "queued";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final Set<String> FINAL_STATUSES = Set.of(SUCCEEDED, FAILED, "cancelled");
    /** Events kept per job; older ones are dropped first. */
    static final int MAX_EVENTS = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "model_name", nullable = false, length = 200, updatable = false)
    private String modelName;

    @Column(name = "model_type", nullable = false, length = 20, updatable = false)
    private String modelType;

    @Column(name = "base_model", nullable = false, length = 300, updatable = false)
    private String baseModel;

    @Column(nullable = false, length = 20, updatable = false)
    private String provider;

    @Column(name = "provider_file_id", length = 200)
    private String providerFileId;

    @Column(name = "provider_job_id", length = 200)
    private String providerJobId;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "trained_tokens")
    private Long trainedTokens;

    @Column(length = 2000)
    private String error;

    @Column(name = "fine_tuned_model", length = 300)
    private String fineTunedModel;

    /** Objects with {@code id}, {@code created_at}, {@code level} and {@code message}, oldest first. */
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Map<String, Object>> events;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected TrainingJob() {
    }

    TrainingJob(long userId, String modelName, String modelType, ModelId baseModel, String providerFileId,
            String providerJobId, Instant now) {
        this.userId = userId;
        this.modelName = modelName;
        this.modelType = modelType;
        this.baseModel = baseModel.toString();
        this.provider = baseModel.provider();
        this.providerFileId = providerFileId;
        this.providerJobId = providerJobId;
        this.status = QUEUED;
        this.events = new ArrayList<>();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes over the provider job's state; returns whether the job has just ended. */
    boolean update(FineTuningApi.RemoteJob remote, Instant now) {
        boolean wasFinished = finished();
        this.status = remote.status();
        this.trainedTokens = remote.trainedTokens();
        this.error = remote.error() == null ? null : truncate(remote.error(), 2000);
        this.fineTunedModel = remote.fineTunedModel();
        this.updatedAt = now;
        if (!wasFinished && finished()) {
            this.finishedAt = now;
            return true;
        }
        return false;
    }

    /** Ends the job as failed when its provider job can no longer be read. */
    void fail(String reason, Instant now) {
        this.status = FAILED;
        this.error = truncate(reason, 2000);
        this.updatedAt = now;
        this.finishedAt = now;
    }

    /** Appends the events not yet recorded, keeping at most {@link #MAX_EVENTS}. */
    void record(List<FineTuningApi.RemoteEvent> remoteEvents) {
        List<Map<String, Object>> merged = new ArrayList<>(events == null ? List.of() : events);
        Set<Object> known = new HashSet<>();
        merged.forEach(event -> known.add(event.get("id")));
        for (FineTuningApi.RemoteEvent event : remoteEvents) {
            if (known.add(event.id())) {
                Map<String, Object> stored = new LinkedHashMap<>();
                stored.put("id", event.id());
                stored.put("created_at", Instant.ofEpochSecond(event.createdAt()).toString());
                stored.put("level", event.level());
                stored.put("message", truncate(event.message(), 2000));
                merged.add(stored);
            }
        }
        this.events = merged.size() > MAX_EVENTS ? new ArrayList<>(merged.subList(merged.size() - MAX_EVENTS,
                merged.size())) : merged;
    }

    boolean finished() {
        return FINAL_STATUSES.contains(status);
    }

    /** Returns the resulting model as a {@code provider:model} reference, or null unless the job succeeded. */
    ModelId resultingModel() {
        return SUCCEEDED.equals(status) && fineTunedModel != null ? new ModelId(provider, fineTunedModel) : null;
    }

    AiViews.TrainingJobView view() {
        ModelId result = resultingModel();
        return new AiViews.TrainingJobView(Long.toString(id), modelName, modelType, baseModel, status, providerJobId, trainedTokens,
                error, result == null ? null : result.toString(), events == null ? List.of() : List.copyOf(events),
                createdAt, updatedAt, finishedAt);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String modelName() {
        return modelName;
    }

    String modelType() {
        return modelType;
    }

    String baseModel() {
        return baseModel;
    }

    String provider() {
        return provider;
    }

    String providerJobId() {
        return providerJobId;
    }

    String status() {
        return status;
    }

    String error() {
        return error;
    }
}
