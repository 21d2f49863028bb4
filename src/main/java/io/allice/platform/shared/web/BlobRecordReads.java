package io.allice.platform.shared.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what sending an uploaded blob needs from its record: the owner, for the access check,
 * and the {@link ServedBlob}. Files and media have the same columns, so one query fits both. A
 * player seeking through a video sends one request per range. That is why the read is one SQL
 * statement outside a transaction, and builds no entity.
 */
public class BlobRecordReads {

    /** A record's blob as it is sent, with the owner that the access check compares. */
    public record OwnedBlob(long ownerId, ServedBlob blob) {
    }

    private final JdbcClient jdbc;
    private final String select;
    private final UnaryOperator<String> storageKeyOf;

    /**
     * @param table a table with the upload columns ({@code user_id}, {@code filename},
     *        {@code file_size}, {@code mime_type}, {@code original_filename}, {@code created_at})
     * @param storageKeyOf turns the stored file name into the blob's key
     */
    protected BlobRecordReads(JdbcClient jdbc, String table, UnaryOperator<String> storageKeyOf) {
        this.jdbc = jdbc;
        this.select = "select user_id, filename, file_size, mime_type, original_filename, created_at from " + table
                + " where id = :id";
        this.storageKeyOf = storageKeyOf;
    }

    /** Finds a record's blob, to be sent inline (shown by the browser) or as an attachment (saved). */
    public Optional<OwnedBlob> find(long id, boolean inline) {
        return jdbc.sql(select)
                .param("id", id)
                .query((row, rowNumber) -> ownedBlob(row, inline))
                .optional();
    }

    private OwnedBlob ownedBlob(ResultSet row, boolean inline) throws SQLException {
        String filename = row.getString(2);
        String originalFilename = row.getString(5);
        // The stored name is unique per upload and never changes, which makes it a strong entity tag.
        ServedBlob blob = new ServedBlob(storageKeyOf.apply(filename), row.getLong(3), row.getString(4),
                "\"" + filename + "\"", row.getObject(6, OffsetDateTime.class).toInstant(),
                inline ? ContentDispositions.inline(originalFilename) : ContentDispositions.attachment(originalFilename));
        return new OwnedBlob(row.getLong(1), blob);
    }
}
