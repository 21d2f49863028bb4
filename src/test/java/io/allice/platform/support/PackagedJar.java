package io.allice.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar that Failsafe passes in the {@code allice.jar} system property, started as its
 * own process. The JVM options in {@code allice.e2e.java-options} select the start mode (plain or
 * Spring's AOT mode) of the end-to-end run.
 */
public final class PackagedJar {

    /** Environment variables that the process inherits. The tests set every other one they need. */
    private static final List<String> INHERITED_VARIABLES = List.of("PATH", "HOME", "TMPDIR", "LANG");

    private PackagedJar() {
    }

    /**
     * Returns a builder that starts the jar with this JVM's java, the run's JVM options and then
     * {@code extraJavaOptions}. It runs in {@code workDir} with {@code ALLICE_DATA_DIR} at its
     * data folder, and writes stdout and stderr to {@code output}.
     */
    public static ProcessBuilder processBuilder(Path workDir, Path output, List<String> extraJavaOptions) {
        Path jar = Path.of(System.getProperty("allice.jar", "target/allice-platform.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar; run ./mvnw verify so that package runs first").isRegularFile();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String runOptions = System.getProperty("allice.e2e.java-options", "").strip();
        if (!runOptions.isEmpty()) {
            command.addAll(List.of(runOptions.split("\\s+")));
        }
        command.addAll(extraJavaOptions);
        command.addAll(List.of("-jar", jar.toString()));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> !INHERITED_VARIABLES.contains(name));
        environment.put("ALLICE_DATA_DIR", workDir.resolve("data").toString());
        return builder;
    }
}
