package io.allice.platform.ai;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Following a fine-tuning job is one durable db-scheduler execution per training job. Each run
 * reads the provider's job once. While the job goes on, the execution reschedules itself one
 * {@code allice.ai.training-poll-interval} later, and it is removed when the job has ended. A
 * run that throws (a database failure) is retried ten times, a minute apart.
 *
 * <p>The task exists only where a provider with fine-tuning is configured. db-scheduler skips
 * executions of tasks it does not know, so an instance without the key never picks up a job it
 * cannot follow, and neither does a test context that shares the database. The bean method makes
 * that choice at start instead of a condition, because Spring's AOT mode evaluates conditions once
 * at build time. A {@code null} bean is left out of the scheduler's tasks and of
 * {@code ObjectProvider.getIfAvailable}.
 */
@Configuration(proxyBeanMethods = false)
class TrainingJobs {

    static final String TASK_NAME = "ai-training-follow";

    @Bean
    @Nullable
    CustomTask<Long> trainingFollowTask(TrainingFollower follower, AiProperties properties) {
        if (!properties.openai().hasKey()) {
            return null;
        }
        Duration pollInterval = properties.trainingPollInterval();
        return Tasks.custom(TASK_NAME, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(10,
                        new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .execute((instance, context) -> follower.follow(instance.getData())
                        ? (complete, operations) -> operations.reschedule(complete, Instant.now().plus(pollInterval))
                        : new CompletionHandler.OnCompleteRemove<>());
    }

    /** Schedules the first run now; inside a transaction, the schedule commits or rolls back with it. */
    static void schedule(SchedulerClient scheduler, CustomTask<Long> task, long trainingId) {
        scheduler.schedule(task.instance("training-" + trainingId, trainingId), Instant.now());
    }
}
