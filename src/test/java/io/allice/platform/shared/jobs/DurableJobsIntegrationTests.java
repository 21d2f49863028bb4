package io.allice.platform.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DurableJobsIntegrationTests {

    static final Queue<String> EXECUTED = new ConcurrentLinkedQueue<>();

    @TestConfiguration
    static class EchoTaskConfiguration {

        @Bean
        OneTimeTask<String> echoTask() {
            return Tasks.oneTime("test-echo", String.class).execute((instance, context) -> EXECUTED.add(instance.getData()));
        }
    }

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OneTimeTask<String> echoTask;

    @Test
    void runsScheduledJobAndRemovesItsRow() {
        String payload = UUID.randomUUID().toString();

        scheduler.schedule(echoTask.instance(payload, payload), Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> EXECUTED.contains(payload));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select count(*) from scheduled_tasks where task_instance = ?").param(payload).query(Long.class).single() == 0);
    }

    @Test
    void dropsJobScheduledInRolledBackTransaction() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            scheduler.schedule(echoTask.instance(rolledBack, rolledBack), Instant.now());
            status.setRollbackOnly();
        });
        scheduler.schedule(echoTask.instance(committed, committed), Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> EXECUTED.contains(committed));
        assertThat(EXECUTED).doesNotContain(rolledBack);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
                .param(rolledBack).query(Long.class).single()).isZero();
    }
}
