package io.allice.platform.shared.jobs;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable background jobs through db-scheduler: each job is a row in {@code scheduled_tasks},
 * so a restart or a second instance neither loses nor repeats it. Areas declare their jobs as
 * {@link Task} beans and schedule executions through {@link SchedulerClient}; an execution
 * scheduled inside a transaction is committed or rolled back with it.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);

    @Bean
    Scheduler jobScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks,
            @Value("${allice.jobs.threads:4}") int threads,
            @Value("${allice.jobs.polling-interval:1s}") Duration pollingInterval) {
        List<Task<?>> known = tasks.orderedStream().toList();
        List<Task<?>> recurring = known.stream().filter(OnStartup.class::isInstance).toList();
        log.info("Background jobs: {} task types, {} threads", known.size(), threads);
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .startTasks(asStartupTasks(recurring))
                .threads(threads)
                .pollingInterval(pollingInterval)
                .enableImmediateExecution()
                .build();
    }

    /** The builder wants a list typed as both Task and OnStartup; the filter above ensures both. */
    @SuppressWarnings("unchecked")
    private static <T extends Task<?> & OnStartup> List<T> asStartupTasks(List<Task<?>> tasks) {
        return (List<T>) (List<?>) tasks;
    }

    /** Starts polling once the application is up and stops it, waiting for running jobs, at shutdown. */
    @Bean
    SmartLifecycle jobSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /**
             * Keeps polling while a test framework pauses the context, because a stopped
             * db-scheduler cannot start again and the next start would fail the context.
             */
            @Override
            public boolean isPauseable() {
                return false;
            }

            @Override
            public int getPhase() {
                // Start after the web server and stop before it and the data source.
                return Integer.MAX_VALUE - 100;
            }
        };
    }
}
