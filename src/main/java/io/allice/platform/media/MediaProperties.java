package io.allice.platform.media;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the media area.
 *
 * @param ffmpegPath the ffmpeg binary, a name looked up on {@code PATH} or an absolute path
 * @param ffprobePath the ffprobe binary
 * @param transcodeTimeout longest a transcode may run before FFmpeg is stopped and the job fails
 * @param probeTimeout longest ffprobe may take to read an upload
 */
@Validated
@ConfigurationProperties("allice.media")
record MediaProperties(
        @NotBlank String ffmpegPath,
        @NotBlank String ffprobePath,
        @NotNull Duration transcodeTimeout,
        @NotNull Duration probeTimeout) {
}
