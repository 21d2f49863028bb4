package io.allice.platform.analytics;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event buffer with its writer, its metrics, and the retention job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsProperties.class)
class AnalyticsConfiguration {

    /** Repeats of the buffer-full warning are summed up at most this often. */
    private static final Duration DROP_WARNING_INTERVAL = Duration.ofMinutes(1);
    private static final Duration RETENTION_RUN_INTERVAL = Duration.ofHours(1);

    @Bean
    EventBuffer eventBuffer(AnalyticsProperties properties, EventStore store, MeterRegistry meters) {
        EventBuffer buffer = new EventBuffer(properties.bufferCapacity(), properties.batchSize(), store::insert,
                DROP_WARNING_INTERVAL, System::nanoTime);
        FunctionCounter.builder("allice.analytics.events.dropped", buffer, EventBuffer::droppedCount)
                .description("API-call events dropped because the analytics buffer was full").register(meters);
        FunctionCounter.builder("allice.analytics.events.failed", buffer, EventBuffer::failedCount)
                .description("API-call events lost because writing their batch failed").register(meters);
        FunctionCounter.builder("allice.analytics.events.written", buffer, EventBuffer::writtenCount)
                .description("API-call events written to the database").register(meters);
        Gauge.builder("allice.analytics.events.queued", buffer, EventBuffer::queuedCount)
                .description("API-call events waiting for the writer").register(meters);
        return buffer;
    }

    /**
     * Runs the writer while the application runs. Its phase is far below the web server's, so it
     * starts before the first request and stops after the last one, writing what is queued.
     */
    @Bean
    SmartLifecycle eventBufferLifecycle(EventBuffer buffer) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                buffer.start();
            }

            @Override
            public void stop() {
                buffer.stop();
            }

            @Override
            public boolean isRunning() {
                return buffer.isRunning();
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE / 2;
            }
        };
    }

    @Bean
    RecurringTask<Void> analyticsRetentionTask(EventRetention retention) {
        return Tasks.recurring("analytics-retention", FixedDelay.of(RETENTION_RUN_INTERVAL))
                .execute((instance, context) -> retention.deleteExpired());
    }
}
