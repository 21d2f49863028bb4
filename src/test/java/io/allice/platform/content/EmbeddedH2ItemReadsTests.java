package io.allice.platform.content;

import java.io.IOException;
import java.nio.file.Files;

import io.allice.platform.support.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The item reads on the zero-setup default, the embedded H2 database, whose JSON columns differ from jsonb. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "allice.database-url=",
        "allice.database-pool-size=4",
        "allice.database-min-idle=1",
        "allice.jwt.secret-key=" + TestAccounts.JWT_SECRET,
        "logging.threshold.console=WARN",
})
class EmbeddedH2ItemReadsTests extends ItemReadsContract {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("allice-h2-items").toString();
        registry.add("allice.data-dir", () -> dataDir);
    }
}
