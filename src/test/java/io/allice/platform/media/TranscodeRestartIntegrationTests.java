package io.allice.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.allice.platform.AlliceApplication;
import io.allice.platform.support.ApiClient;
import io.allice.platform.support.ApiClient.Response;
import io.allice.platform.support.ApiClient.Session;
import io.allice.platform.support.MediaFixtures;
import io.allice.platform.support.MultipartBody;
import io.allice.platform.support.PostgresTestInitializer;
import io.allice.platform.support.TestAccounts;
import io.allice.platform.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transcode that was queued when its instance went down runs after the next start. Two
 * instances run one after the other on a schema and data directory of their own, so no other
 * test context can pick the job up in between.
 */
class TranscodeRestartIntegrationTests {

    @Test
    void queuedTranscodeRunsAfterRestart() {
        String database = TestDatabase.jdbcUrlOfSeparateSchema("restart");
        Path dataDir = PostgresTestInitializer.newDataDir();
        Session session;
        long mediaId;
        long jobId;

        try (ConfigurableApplicationContext first = start(database, dataDir)) {
            // The job runner stops first at shutdown; what is queued after that waits in the database.
            first.getBean("jobRunner", SmartLifecycle.class).stop();
            ApiClient api = ApiClient.onPort(port(first));
            session = api.registerNew("restart");
            Response created = api.upload("/api/media/upload", session.token(),
                    new MultipartBody().file("file", "clip.mp4", "video/mp4", MediaFixtures.video()));
            mediaId = created.json().get("id").asLong();
            Response queued = api.post("/api/media/" + mediaId + "/transcode", session.token(),
                    Map.of("output_format", "mp3", "quality", "low"));
            assertThat(queued.status()).as(queued.toString()).isEqualTo(200);
            assertThat(queued.json().get("status").asString()).isEqualTo("queued");
            jobId = queued.json().get("id").asLong();
            assertThat(first.getBean(JdbcClient.class).sql("select count(*) from scheduled_tasks where task_name = ?")
                    .param(TranscodeJobs.TASK_NAME).query(Long.class).single()).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(database, dataDir)) {
            ApiClient api = ApiClient.onPort(port(second));

            await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus(api, session, mediaId), "completed"::equals);

            Response media = api.get("/api/media/" + mediaId, session.token());
            assertThat(media.json().get("transcoded").asBoolean()).isTrue();
            assertThat(media.json().get("renditions").get(0).get("id").asLong()).isEqualTo(jobId);
            assertThat(api.fetch("GET", "/api/media/" + mediaId + "/stream?rendition=" + jobId, session.token(), Map.of())
                    .status()).isEqualTo(200);
        }
    }

    private static String jobStatus(ApiClient api, Session session, long mediaId) {
        return api.get("/api/media/" + mediaId, session.token()).json().get("renditions").get(0).get("status").asString();
    }

    /**
     * Starts an instance. It leaves the JVM's logging alone, because reconfiguring it would send
     * the log of every other test context to this instance's data directory.
     */
    private static ConfigurableApplicationContext start(String database, Path dataDir) {
        String previous = System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try {
            return new SpringApplicationBuilder(AlliceApplication.class).run(
                    "--server.port=0",
                    "--allice.database-url=" + database,
                    "--allice.data-dir=" + dataDir,
                    "--allice.jwt.secret-key=" + TestAccounts.JWT_SECRET,
                    "--allice.database-pool-size=4");
        } finally {
            if (previous == null) {
                System.clearProperty("org.springframework.boot.logging.LoggingSystem");
            } else {
                System.setProperty("org.springframework.boot.logging.LoggingSystem", previous);
            }
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
