package io.allice.platform.media;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a transcode request. */
record TranscodeRequest(
        @Schema(example = "mp4", allowableValues = {"mp4", "webm", "mp3", "aac", "ogg", "wav"}) String outputFormat,
        @Schema(example = "medium", allowableValues = {"low", "medium", "high"}) String quality) {

    /** Returns the preset the request names, or raises a 400 that lists every invalid field. */
    TranscodePreset preset() {
        var violations = new java.util.ArrayList<FieldViolation>();
        if (outputFormat == null) {
            violations.add(new FieldViolation("output_format", "is required: one of " + TranscodePreset.Format.allowed()));
        } else if (TranscodePreset.Format.parse(outputFormat).isEmpty()) {
            violations.add(new FieldViolation("output_format", "must be one of " + TranscodePreset.Format.allowed()));
        }
        if (quality == null) {
            violations.add(new FieldViolation("quality", "is required: one of low, medium, high"));
        } else if (TranscodePreset.Quality.parse(quality).isEmpty()) {
            violations.add(new FieldViolation("quality", "must be one of low, medium, high"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
        return TranscodePreset.of(outputFormat, quality).orElseThrow();
    }
}
