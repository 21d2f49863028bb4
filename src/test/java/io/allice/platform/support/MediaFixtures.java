package io.allice.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Short media clips that the tests make with the local ffmpeg (1.5 seconds, 320x240), created
 * once per JVM, and ffprobe for checking what the service produced.
 */
public final class MediaFixtures {

    public static final double CLIP_SECONDS = 1.5;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path directory;

    private MediaFixtures() {
    }

    /** Returns an H.264/AAC MP4 of 320x240 with a tone. */
    public static byte[] video() {
        return clip("video.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15:duration=" + CLIP_SECONDS,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + CLIP_SECONDS,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /** Returns an MP3 tone. */
    public static byte[] audio() {
        return clip("audio.mp3", "-f", "lavfi", "-i", "sine=frequency=440:duration=" + CLIP_SECONDS, "-c:a", "libmp3lame");
    }

    /** Returns a 64x48 PNG. */
    public static byte[] image() {
        return clip("image.png", "-f", "lavfi", "-i", "color=c=red:size=64x48", "-frames:v", "1");
    }

    /** Runs ffprobe on the content and returns its streams and format as JSON. */
    public static JsonNode probe(byte[] content) {
        try {
            Path file = Files.createTempFile(directory(), "probe-", ".bin");
            Files.write(file, content);
            String json = run(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                    file.toString()));
            Files.delete(file);
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized byte[] clip(String name, String... arguments) {
        try {
            Path file = directory().resolve(name);
            if (!Files.exists(file)) {
                List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
                command.addAll(List.of(arguments));
                command.add(file.toString());
                run(command);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path directory() throws IOException {
        if (directory == null) {
            directory = TemporaryFolders.create("allice-media-fixtures");
        }
        return directory;
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }
}
