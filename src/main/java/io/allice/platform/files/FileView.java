package io.allice.platform.files;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A file record as the API returns it. */
record FileView(
        @Schema(example = "1") long id,
        @Schema(example = "0b6e2a52-1f3c-4c59-9d43-27b5e2f1a7c4.pdf") String filename,
        @Schema(example = "document.pdf") String originalFilename,
        @Schema(example = "50000") long fileSize,
        @Schema(example = "application/pdf") String mimeType,
        @Schema(example = "Quarterly report") String description,
        List<String> tags,
        @Schema(example = "2024-01-01T00:00:00Z") Instant createdAt) {

    static FileView of(StoredFile file) {
        return new FileView(file.id(), file.filename(), file.originalFilename(), file.fileSize(), file.mimeType(),
                file.description(), file.tags(), file.createdAt());
    }
}
