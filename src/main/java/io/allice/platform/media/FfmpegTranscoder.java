package io.allice.platform.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;

/**
 * Runs FFmpeg for one transcode. Progress comes from FFmpeg's {@code -progress pipe:1} output
 * (the {@code out_time_us} position against the input's duration), and a run that passes
 * {@code MEDIA_TRANSCODE_TIMEOUT} is killed.
 */
@Component
class FfmpegTranscoder {

    /** The last lines of FFmpeg's error output that a failed job reports. */
    private static final int ERROR_LINES = 5;

    private final MediaProperties properties;

    FfmpegTranscoder(MediaProperties properties) {
        this.properties = properties;
    }

    /** Raised when FFmpeg fails, with a message fit for the job's {@code error}. */
    static class TranscodeFailedException extends Exception {

        TranscodeFailedException(String message) {
            super(message);
        }
    }

    /**
     * Transcodes {@code input} into {@code output}, reporting whole percentages to {@code progress}
     * as they change (never 100, which the caller sets once the output is stored).
     *
     * @param durationSeconds the input's duration, or null when unknown (progress then stays at 0)
     */
    void transcode(Path input, Path output, TranscodePreset preset, Double durationSeconds, IntConsumer progress)
            throws TranscodeFailedException, IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(properties.ffmpegPath(), "-nostdin", "-hide_banner",
                "-loglevel", "error", "-y", "-i", input.toString()));
        command.addAll(preset.outputArguments());
        command.addAll(List.of("-progress", "pipe:1", "-nostats", output.toString()));
        Path errors = Files.createTempFile(output.getParent(), "ffmpeg-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            try (var reader = Executors.newVirtualThreadPerTaskExecutor()) {
                reader.submit(() -> readProgress(process, durationSeconds, progress));
                if (!process.waitFor(properties.transcodeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new TranscodeFailedException("FFmpeg timed out after " + properties.transcodeTimeout());
                }
            } finally {
                process.destroyForcibly();
            }
            if (process.exitValue() != 0) {
                throw new TranscodeFailedException("FFmpeg failed with exit code " + process.exitValue() + ": "
                        + lastLines(errors).replace(input.toString(), "input").replace(output.toString(), "output"));
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static Void readProgress(Process process, Double durationSeconds, IntConsumer progress) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int reported = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("out_time_us=") || durationSeconds == null || durationSeconds <= 0) {
                    continue;
                }
                long micros = parseOrZero(line.substring("out_time_us=".length()));
                int percent = (int) Math.min(99, micros / (durationSeconds * 10_000));
                if (percent > reported) {
                    reported = percent;
                    progress.accept(percent);
                }
            }
        }
        return null;
    }

    private static long parseOrZero(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // FFmpeg writes N/A before the first frame is out.
            return 0;
        }
    }

    private static String lastLines(Path errors) throws IOException {
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - ERROR_LINES), lines.size());
        String text = tail.isEmpty() ? "no error output" : String.join(" | ", tail);
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }
}
