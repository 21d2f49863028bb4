package io.allice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        Path jar = Path.of(System.getProperty("allice.jar", "target/allice-platform.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar; run ./mvnw verify so that package runs first").isRegularFile();
        Path output = workDir.resolve("training-run.log");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String javaOptions = System.getProperty("allice.e2e.java-options", "").strip();
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of(javaOptions.split("\\s+")));
        }
        command.addAll(List.of("-D" + TrainingRun.PROPERTY + "=true", "-Dserver.port=0", "-Dserver.address=127.0.0.1",
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> !List.of("PATH", "HOME", "TMPDIR", "LANG").contains(name));
        environment.put("ALLICE_DATA_DIR", workDir.resolve("data").toString());

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
