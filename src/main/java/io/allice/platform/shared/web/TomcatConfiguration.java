package io.allice.platform.shared.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.allice.platform.shared.config.PlatformProperties;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /** Makes the errors that Tomcat sends on its own use the API's problem shape too. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    /**
     * Puts Tomcat's base and document folders, both empty, under the data folder's tmp/. By
     * default each start made two new folders in the system's temporary directory and left them
     * there at exit.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatFoldersInDataFolder(PlatformProperties platform) {
        return factory -> {
            Path tomcat = platform.dataDir().resolve("tmp").resolve("tomcat");
            factory.setBaseDirectory(createFolder(tomcat.resolve("base")));
            factory.setDocumentRoot(createFolder(tomcat.resolve("docroot")));
        };
    }

    private static File createFolder(Path folder) {
        try {
            return Files.createDirectories(folder).toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not create Tomcat's folder " + folder + ": check that ALLICE_DATA_DIR is writable", e);
        }
    }
}
