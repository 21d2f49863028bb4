package io.allice.platform.search;

import java.io.IOException;
import java.nio.file.Files;

import io.allice.platform.support.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Recommendations on the zero-setup default: the embedded H2 database and the Lucene index in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "allice.database-url=",
        "allice.database-pool-size=4",
        "allice.database-min-idle=1",
        "allice.jwt.secret-key=" + TestAccounts.JWT_SECRET,
        "allice.rate-limit.free-per-minute=100000",
        "allice.rate-limit.anonymous-per-minute=100000",
        "logging.threshold.console=WARN",
})
class EmbeddedH2RecommendationApiIntegrationTests extends RecommendationApiContract {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("allice-h2-recommendations").toString();
        registry.add("allice.data-dir", () -> dataDir);
    }
}
