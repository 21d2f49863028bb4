package io.allice.platform.integrations;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each sync is one durable db-scheduler execution, written in the transaction that marks the
 * integration as syncing, so a restart neither loses nor repeats it. db-scheduler starts an
 * execution again when its instance died. The worker records every failure of the service on
 * the integration itself, so an execution fails only on a database error; it then runs again
 * five minutes later, and as the integration is still {@code syncing}, the sync starts over.
 */
@Configuration(proxyBeanMethods = false)
class SyncJobs {

    static final String TASK_NAME = "integration-sync";

    @Bean
    OneTimeTask<Long> integrationSyncTask(SyncWorker worker) {
        return Tasks.oneTime(TASK_NAME, Long.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(5)))
                .execute((instance, context) -> worker.run(instance.getData()));
    }

    /** Schedules a sync to run now; inside a transaction, the schedule commits or rolls back with it. */
    static void schedule(SchedulerClient scheduler, OneTimeTask<Long> task, long integrationId, int run) {
        scheduler.schedule(task.instance("integration-" + integrationId + "-run-" + run, integrationId), Instant.now());
    }
}
