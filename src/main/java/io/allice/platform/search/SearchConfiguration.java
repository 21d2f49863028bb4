package io.allice.platform.search;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.allice.platform.shared.config.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Chooses the engine by the database in use: PostgreSQL's text search, or Lucene beside the
 * embedded database. Also schedules the deletion of views too old to matter to recommendations.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);
    private static final Duration VIEW_RETENTION_RUN_INTERVAL = Duration.ofHours(1);

    @Bean
    SearchEngine searchEngine(DataSource dataSource, JdbcClient jdbc, SearchDocumentStore store,
            PlatformProperties platform) throws MetaDataAccessException {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if ("PostgreSQL".equals(database)) {
            log.info("Search uses PostgreSQL text search");
            return new PostgresSearchEngine(jdbc);
        }
        var indexDirectory = platform.dataDir().resolve("search-index");
        log.info("Search uses the Lucene index in {}", indexDirectory);
        return new LuceneSearchEngine(indexDirectory, store);
    }

    @Bean
    RecurringTask<Void> recentViewsRetentionTask(RecentViewStore views, Clock clock) {
        return Tasks.recurring("recent-views-retention", FixedDelay.of(VIEW_RETENTION_RUN_INTERVAL))
                .execute((instance, context) -> {
                    int deleted = views.deleteViewedBefore(clock.instant().minus(RecommendationService.RECENT));
                    log.info("Deleted {} views older than {} days", deleted, RecommendationService.RECENT.toDays());
                });
    }
}
