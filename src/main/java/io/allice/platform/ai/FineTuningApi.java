package io.allice.platform.ai;

import java.util.List;

/**
 * A provider's fine-tuning API: upload a JSONL file, start a job, and follow it. Implementations
 * throw {@link ProviderException} for every failed call, like {@link ProviderAdapter}.
 */
interface FineTuningApi {

    /** Uploads training data in JSONL and returns the provider's file id. */
    String uploadTrainingFile(String fileName, byte[] jsonl);

    /** Starts a job; {@code suffix} becomes part of the resulting model's name. */
    RemoteJob createJob(String baseModel, String trainingFileId, String suffix, TrainingParameters parameters);

    RemoteJob retrieveJob(String jobId);

    /** The job's most recent events, oldest first; older ones need not be included. */
    List<RemoteEvent> listEvents(String jobId);

    /**
     * A provider's fine-tuning job.
     *
     * @param status the provider's status, for example {@code queued}, {@code running} or {@code succeeded}
     * @param fineTunedModel the resulting model name once the job succeeded, else null
     */
    record RemoteJob(String id, String status, String fineTunedModel, Long trainedTokens, String error) {
    }

    /**
     * One event of a provider's job.
     *
     * @param createdAt seconds since the epoch
     * @param level for example {@code info}, {@code warn} or {@code error}
     */
    record RemoteEvent(String id, long createdAt, String level, String message) {
    }
}
