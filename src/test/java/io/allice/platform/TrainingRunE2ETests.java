package io.allice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.allice.platform.support.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as {@code ./mvnw -Paot-cache package} runs it to record the JVM AOT
 * cache: with {@code allice.training-run}, on a fresh embedded database and a random port. The
 * service must serve its own requests and then end by itself with exit code 0. Otherwise the
 * build would hang, or record a cache without the request path.
 */
class TrainingRunE2ETests {

    @TempDir
    Path workDir;

    @Test
    void servesItsOwnRequestsThenExits() throws IOException, InterruptedException {
        Path output = workDir.resolve("training-run.log");
        ProcessBuilder builder = PackagedJar.processBuilder(workDir, output, List.of(
                "-D" + TrainingRun.PROPERTY + "=true", "-Dserver.port=0", "-Dserver.address=127.0.0.1"));

        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String log = Files.readString(output);

        assertThat(exited).as("the training run ends by itself; its output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", log).isZero();
        assertThat(log)
                .contains("Training run: GET /api/system/health 200")
                .contains("Training run: GET /api/items 401");
    }
}
