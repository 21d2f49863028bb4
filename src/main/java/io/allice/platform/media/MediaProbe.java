package io.allice.platform.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the kind, duration and size of a media file: with ffprobe for video and audio, and from
 * the image's own header (Java ImageIO, ffprobe for formats ImageIO lacks) for images.
 */
@Component
class MediaProbe {

    private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);

    /**
     * The outcome of a probe.
     *
     * @param mediaType {@code video}, {@code audio} or {@code image}
     * @param duration seconds, or null for images and streams without a known duration
     */
    record Result(String mediaType, Double duration, Integer width, Integer height) {
    }

    private final MediaProperties properties;
    private final JsonMapper jsonMapper;

    MediaProbe(MediaProperties properties, JsonMapper jsonMapper) {
        this.properties = properties;
        this.jsonMapper = jsonMapper;
    }

    /** Probes a file whose content type was detected as {@code mimeType}; empty if it contains no usable media. */
    Optional<Result> probe(Path file, String mimeType) throws IOException {
        if (mimeType.startsWith("image/")) {
            return imageSize(file).or(() -> ffprobe(file).flatMap(MediaProbe::imageFromStreams));
        }
        return ffprobe(file).flatMap(MediaProbe::audioOrVideo);
    }

    /** Reads the duration in seconds that ffprobe reports for a file, if any. */
    Optional<Double> duration(Path file) {
        return ffprobe(file).flatMap(MediaProbe::durationOf);
    }

    private static Optional<Result> imageSize(Path file) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return Optional.of(new Result("image", null, reader.getWidth(0), reader.getHeight(0)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    private Optional<JsonNode> ffprobe(Path file) {
        List<String> command = List.of(properties.ffprobePath(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toString());
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (var reader = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<byte[]> output = reader.submit(() -> process.getInputStream().readAllBytes());
                if (!process.waitFor(properties.probeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    log.warn("ffprobe timed out after {} on {}", properties.probeTimeout(), file.getFileName());
                    return Optional.empty();
                }
                byte[] json = output.get(10, TimeUnit.SECONDS);
                return process.exitValue() == 0
                        ? Optional.of(jsonMapper.readTree(new String(json, StandardCharsets.UTF_8)))
                        : Optional.empty();
            } finally {
                process.destroyForcibly();
            }
        } catch (IOException | ExecutionException | TimeoutException | JacksonException e) {
            log.warn("ffprobe failed on {}", file.getFileName(), e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Result> audioOrVideo(JsonNode probe) {
        Double duration = durationOf(probe).orElse(null);
        for (JsonNode stream : probe.path("streams")) {
            boolean coverArt = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            if (stream.path("codec_type").asString("").equals("video") && !coverArt) {
                return Optional.of(new Result("video", duration, positive(stream.path("width")),
                        positive(stream.path("height"))));
            }
        }
        for (JsonNode stream : probe.path("streams")) {
            if (stream.path("codec_type").asString("").equals("audio")) {
                return Optional.of(new Result("audio", duration, null, null));
            }
        }
        return Optional.empty();
    }

    private static Optional<Result> imageFromStreams(JsonNode probe) {
        for (JsonNode stream : probe.path("streams")) {
            if (stream.path("codec_type").asString("").equals("video")) {
                return Optional.of(new Result("image", null, positive(stream.path("width")), positive(stream.path("height"))));
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> durationOf(JsonNode probe) {
        String text = probe.path("format").path("duration").asString("");
        try {
            double seconds = Double.parseDouble(text);
            return seconds > 0 && Double.isFinite(seconds) ? Optional.of(seconds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Integer positive(JsonNode value) {
        return value.isNumber() && value.asInt() > 0 ? value.asInt() : null;
    }
}
