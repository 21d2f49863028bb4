package io.allice.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.allice.platform.support.MediaFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTranscoderTests {

    @TempDir
    Path directory;

    @Test
    void reportsRisingProgressFromFfmpeg() throws Exception {
        Path input = Files.write(directory.resolve("clip.mp4"), MediaFixtures.video());
        Path output = directory.resolve("out.mp3");
        List<Integer> reported = new CopyOnWriteArrayList<>();

        transcoder(Duration.ofMinutes(1)).transcode(input, output, TranscodePreset.of("mp3", "low").orElseThrow(),
                MediaFixtures.CLIP_SECONDS, reported::add);

        assertThat(reported).isNotEmpty().isSorted().doesNotHaveDuplicates().allMatch(percent -> percent >= 1 && percent <= 99);
        assertThat(reported.getLast()).isGreaterThanOrEqualTo(90);
        assertThat(Files.size(output)).isPositive();
    }

    @Test
    void failsWithFfmpegErrorWithoutPaths() throws Exception {
        Path input = Files.writeString(directory.resolve("not-media.mp4"), "plain text");
        Path output = directory.resolve("out.mp4");

        assertThatThrownBy(() -> transcoder(Duration.ofMinutes(1)).transcode(input, output,
                TranscodePreset.of("mp4", "low").orElseThrow(), 1.0, percent -> { }))
                .isInstanceOf(FfmpegTranscoder.TranscodeFailedException.class)
                .hasMessageStartingWith("FFmpeg failed with exit code")
                .hasMessageNotContaining(directory.toString());
    }

    @Test
    void stopsFfmpegAtTimeLimit() throws Exception {
        Path input = Files.write(directory.resolve("clip.mp4"), MediaFixtures.video());
        Path output = directory.resolve("out.webm");

        assertThatThrownBy(() -> transcoder(Duration.ofMillis(1)).transcode(input, output,
                TranscodePreset.of("webm", "high").orElseThrow(), MediaFixtures.CLIP_SECONDS, percent -> { }))
                .isInstanceOf(FfmpegTranscoder.TranscodeFailedException.class)
                .hasMessage("FFmpeg timed out after PT0.001S");
    }

    private static FfmpegTranscoder transcoder(Duration timeout) {
        return new FfmpegTranscoder(new MediaProperties("ffmpeg", "ffprobe", timeout, Duration.ofMinutes(1)));
    }
}
