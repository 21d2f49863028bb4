package io.allice.platform.ai;

import java.util.List;

/**
 * A provider's fine-tuning API: upload a JSONL file, start a job, and follow it.
 *
 * <p>TODO: no endpoint uses this yet, so POST /api/ai/train does not exist and the OpenAI
 * implementation is untested until the training jobs are built on it.
 */
interface FineTuningApi {

    /** Uploads training data in JSONL and returns the provider's file id. */
    String uploadTrainingFile(String fileName, byte[] jsonl);

    RemoteJob createJob(String baseModel, String trainingFileId, String suffix);

    RemoteJob retrieveJob(String jobId);

    /** The job's event messages, oldest first. */
    List<String> listEvents(String jobId);

    /**
     * A provider's fine-tuning job.
     *
     * @param status the provider's status, for example {@code queued}, {@code running} or {@code succeeded}
     * @param fineTunedModel the resulting model name once the job succeeded, else null
     */
    record RemoteJob(String id, String status, String fineTunedModel, Long trainedTokens, String error) {
    }
}
