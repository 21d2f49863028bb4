package io.allice.platform.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TomcatFoldersIntegrationTests {

    @Autowired
    PlatformProperties platform;

    @Test
    void tomcatWorksInsideDataFolder() {
        Path tomcat = platform.dataDir().resolve("tmp").resolve("tomcat");

        assertThat(tomcat.resolve("base").resolve("work")).isDirectory();
        assertThat(tomcat.resolve("docroot")).isDirectory();
    }
}
