package io.allice.platform.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The FFmpeg settings of one output format at one quality: explicit codecs, bitrates and, for
 * video, a maximum height (the width follows the aspect ratio, rounded to an even number).
 */
record TranscodePreset(Format format, Quality quality) {

    /** Output formats; the audio-only ones drop any video stream. */
    enum Format {
        MP4("mp4", ".mp4", true),
        WEBM("webm", ".webm", true),
        MP3("mp3", ".mp3", false),
        AAC("aac", ".aac", false),
        OGG("ogg", ".ogg", false),
        WAV("wav", ".wav", false);

        private final String id;
        private final String extension;
        private final boolean video;

        Format(String id, String extension, boolean video) {
            this.id = id;
            this.extension = extension;
            this.video = video;
        }

        String id() {
            return id;
        }

        String extension() {
            return extension;
        }

        boolean isVideo() {
            return video;
        }

        static Optional<Format> parse(String value) {
            return Arrays.stream(values()).filter(format -> format.id.equals(value)).findFirst();
        }

        static String allowed() {
            return String.join(", ", Arrays.stream(values()).map(Format::id).toList());
        }
    }

    /**
     * Quality levels with the numbers each one uses: maximum video height, video bitrate for
     * H.264 and VP9, audio bitrate, and the sample rate of WAV output.
     */
    enum Quality {
        LOW(480, "800k", "500k", "96k", 22050),
        MEDIUM(720, "2500k", "1500k", "128k", 44100),
        HIGH(1080, "5000k", "3000k", "192k", 48000);

        private final int maxHeight;
        private final String h264Bitrate;
        private final String vp9Bitrate;
        private final String audioBitrate;
        private final int wavSampleRate;

        Quality(int maxHeight, String h264Bitrate, String vp9Bitrate, String audioBitrate, int wavSampleRate) {
            this.maxHeight = maxHeight;
            this.h264Bitrate = h264Bitrate;
            this.vp9Bitrate = vp9Bitrate;
            this.audioBitrate = audioBitrate;
            this.wavSampleRate = wavSampleRate;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Quality> parse(String value) {
            return Arrays.stream(values()).filter(quality -> quality.id().equals(value)).findFirst();
        }
    }

    static Optional<TranscodePreset> of(String format, String quality) {
        return Format.parse(format).flatMap(f -> Quality.parse(quality).map(q -> new TranscodePreset(f, q)));
    }

    /** Returns the FFmpeg output options, which go between the input and the output file. */
    List<String> outputArguments() {
        List<String> args = new ArrayList<>();
        if (format.isVideo()) {
            args.addAll(List.of("-map", "0:v:0", "-map", "0:a:0?",
                    "-vf", "scale=-2:'min(" + quality.maxHeight + ",ih)':flags=bicubic,format=yuv420p"));
        } else {
            args.addAll(List.of("-map", "0:a:0", "-vn"));
        }
        args.addAll(switch (format) {
            case MP4 -> List.of("-c:v", "libx264", "-preset", "veryfast", "-b:v", quality.h264Bitrate,
                    "-maxrate", quality.h264Bitrate, "-bufsize", quality.h264Bitrate,
                    "-c:a", "aac", "-b:a", quality.audioBitrate, "-movflags", "+faststart", "-f", "mp4");
            case WEBM -> List.of("-c:v", "libvpx-vp9", "-b:v", quality.vp9Bitrate, "-deadline", "realtime",
                    "-cpu-used", "8", "-row-mt", "1", "-c:a", "libopus", "-b:a", quality.audioBitrate, "-f", "webm");
            case MP3 -> List.of("-c:a", "libmp3lame", "-b:a", quality.audioBitrate, "-f", "mp3");
            case AAC -> List.of("-c:a", "aac", "-b:a", quality.audioBitrate, "-f", "adts");
            case OGG -> List.of("-c:a", "libvorbis", "-b:a", quality.audioBitrate, "-f", "ogg");
            case WAV -> List.of("-c:a", "pcm_s16le", "-ar", Integer.toString(quality.wavSampleRate), "-f", "wav");
        });
        return args;
    }

    String mimeType() {
        return switch (format) {
            case MP4 -> "video/mp4";
            case WEBM -> "video/webm";
            case MP3 -> "audio/mpeg";
            case AAC -> "audio/aac";
            case OGG -> "audio/ogg";
            case WAV -> "audio/wav";
        };
    }
}
