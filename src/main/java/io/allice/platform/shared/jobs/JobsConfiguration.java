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
 * {@link Task} beans and schedule executions through the {@link SchedulerClient} bean; an
 * execution scheduled inside a transaction is committed or rolled back with it. New jobs are
 * picked up within one polling interval.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);

    @Bean
    SchedulerClient jobSchedulerClient(DataSource dataSource, ObjectProvider<Task<?>> tasks) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource),
                tasks.orderedStream().toList()).build();
    }

    /**
     * Runs the jobs while the application runs. A db-scheduler {@link Scheduler} cannot start
     * again once stopped, so each start builds a new one; Spring stops and starts a context's
     * lifecycle beans again, for example when the test framework pauses a cached context.
     */
    @Bean
    SmartLifecycle jobRunner(DataSource dataSource, ObjectProvider<Task<?>> tasks,
            @Value("${allice.jobs.threads:4}") int threads,
            @Value("${allice.jobs.polling-interval:1s}") Duration pollingInterval) {
        return new SmartLifecycle() {
            private volatile Scheduler scheduler;

            @Override
            public void start() {
                List<Task<?>> known = tasks.orderedStream().toList();
                List<Task<?>> recurring = known.stream().filter(OnStartup.class::isInstance).toList();
                // startTasks registers its tasks as known ones too, and a task registered twice
                // makes Scheduler creation fail.
                List<Task<?>> others = known.stream().filter(task -> !(task instanceof OnStartup)).toList();
                scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                        .startTasks(asStartupTasks(recurring))
                        .threads(threads)
                        .pollingInterval(pollingInterval)
                        .build();
                scheduler.start();
                log.info("Background jobs started: {} task types, {} threads", known.size(), threads);
            }

            @Override
            public void stop() {
                Scheduler running = scheduler;
                scheduler = null;
                if (running != null) {
                    running.stop();
                }
            }

            @Override
            public boolean isRunning() {
                return scheduler != null;
            }

            @Override
            public int getPhase() {
                // Start after the web server and stop before it and the data source.
                return Integer.MAX_VALUE - 100;
            }
        };
    }

    /** Casts the list to the type the builder requires, Task and OnStartup at once, which the caller's filter guarantees. */
    @SuppressWarnings("unchecked")
    private static <T extends Task<?> & OnStartup> List<T> asStartupTasks(List<Task<?>> tasks) {
        return (List<T>) (List<?>) tasks;
    }
}
