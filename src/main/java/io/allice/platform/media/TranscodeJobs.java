package io.allice.platform.media;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Transcodes run as durable db-scheduler jobs: the execution row is written in the transaction
 * that creates the job, so a restart neither loses nor repeats it. db-scheduler's dead-execution
 * check starts an execution again when its instance died. An execution that throws (a database
 * failure) is retried three times, a minute apart.
 */
@Configuration(proxyBeanMethods = false)
class TranscodeJobs {

    static final String TASK_NAME = "media-transcode";

    @Bean
    OneTimeTask<Long> transcodeTask(TranscodeWorker worker) {
        return Tasks.oneTime(TASK_NAME, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(3,
                        new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .execute((instance, context) -> worker.run(instance.getData()));
    }

    /** Schedules a job to run now; inside a transaction, the schedule commits or rolls back with it. */
    static void schedule(SchedulerClient scheduler, OneTimeTask<Long> task, long jobId) {
        scheduler.schedule(task.instance("job-" + jobId, jobId), Instant.now());
    }
}
