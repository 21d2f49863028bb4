package io.allice.platform.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import io.allice.platform.shared.web.ContentDispositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what streaming a rendition needs: the media's owner, for the access check, and the
 * completed rendition as it is sent. A player sends one request per range, so the read is one
 * SQL statement outside a transaction, without entities.
 */
@Component
class RenditionReads {

    /**
     * The owner of a media record and one of its renditions.
     *
     * @param rendition how the rendition is sent, or null when the job does not exist or has not completed
     */
    record MediaRendition(long ownerId, ServedBlob rendition) {
    }

    private final JdbcClient jdbc;

    RenditionReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Finds the media record, empty when it does not exist, with the rendition when it is
     * completed, to be sent inline (played by the browser) or as an attachment (saved).
     */
    Optional<MediaRendition> find(long mediaId, long jobId, boolean inline) {
        return jdbc.sql("select m.user_id, j.filename, j.file_size, j.output_format, j.quality, j.completed_at "
                        + "from media m left join transcode_jobs j "
                        + "on j.media_id = m.id and j.id = :jobId and j.status = :completed where m.id = :mediaId")
                .param("mediaId", mediaId)
                .param("jobId", jobId)
                .param("completed", TranscodeJob.COMPLETED)
                .query((row, rowNumber) -> new MediaRendition(row.getLong(1), rendition(row, mediaId, jobId, inline)))
                .optional();
    }

    private static ServedBlob rendition(ResultSet row, long mediaId, long jobId, boolean inline) throws SQLException {
        String filename = row.getString(2);
        if (filename == null) {
            return null;
        }
        // Only presets that exist are ever queued, so a stored job always names one.
        TranscodePreset preset = TranscodePreset.of(row.getString(4), row.getString(5)).orElseThrow(
                () -> new IllegalStateException("Rendition " + jobId + " of media " + mediaId + " names no known preset"));
        String name = "media-" + mediaId + "-" + jobId + preset.format().extension();
        return new ServedBlob(TranscodeJob.storageKeyOf(filename), row.getLong(3), preset.mimeType(),
                "\"" + filename + "\"", row.getObject(6, OffsetDateTime.class).toInstant(),
                inline ? ContentDispositions.inline(name) : ContentDispositions.attachment(name));
    }
}
