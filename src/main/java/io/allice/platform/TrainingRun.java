package io.allice.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The training run of {@code ./mvnw -Paot-cache package}, which records the JVM AOT cache that
 * bin/allice starts with. The cache only contains the classes and method profiles that the run
 * used, so the started service sends itself the first requests that a deployment gets, and then
 * exits. A run that stopped after the context's refresh left out the web server's start, the
 * background jobs and the request path, which every start then loaded from the jars (about 0.2 s).
 */
final class TrainingRun {

    /** The system property that turns the training run on. */
    static final String PROPERTY = "allice.training-run";

    /** A health check, and a request without a token, which gets a problem response. */
    private static final List<String> PATHS = List.of("/api/system/health", "/api/items");

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private TrainingRun() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Sends the requests to the service's own port and ends the JVM, which then writes the cache. */
    static void exerciseAndExit(ConfigurableApplicationContext context) {
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        boolean allAnswered = exercise(port);
        int contextExitCode = SpringApplication.exit(context);
        System.exit(allAnswered ? contextExitCode : 1);
    }

    /** Sends each request and returns whether every one got a response, whatever its status. */
    private static boolean exercise(int port) {
        boolean allAnswered = true;
        for (String path : PATHS) {
            try {
                int status = get(URI.create("http://127.0.0.1:" + port + path));
                log.info("Training run: GET {} {}", path, status);
            } catch (IOException e) {
                log.error("Training run: GET {} failed, so the run exits with code 1", path, e);
                allAnswered = false;
            }
        }
        return allAnswered;
    }

    private static int get(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            if (body != null) {
                try (body) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }
}
