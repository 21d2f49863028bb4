package io.allice.platform.shared.sharing;

import java.util.Optional;

import io.allice.platform.shared.web.BlobResponses;

/**
 * A kind of record that can be shared, implemented by the area that owns it, so that sharing
 * needs no access to that area's internals.
 */
public interface ShareableResource {

    ResourceType type();

    /** Returns the owner's user id, or empty when the record does not exist. */
    Optional<Long> ownerOf(long resourceId);

    /**
     * Returns the record as a public share link shows it: a JSON-serializable view with the
     * record's own fields and nothing about its owner beyond what the owner's API shows.
     */
    Object publicView(long resourceId);

    /**
     * Returns the record's content for a public link to serve, as an attachment or inline, or
     * empty for records that have no content beyond their fields.
     */
    default Optional<BlobResponses.ServedBlob> content(long resourceId, boolean inline) {
        return Optional.empty();
    }

    /**
     * Returns a version of the record's content derived from it, such as a transcoded rendition
     * of media, for a public link to serve. Empty when the record has no such version.
     */
    default Optional<BlobResponses.ServedBlob> rendition(long resourceId, long renditionId, boolean inline) {
        return Optional.empty();
    }

    /** Returns the id that clients use for the record, which shares show as their {@code resource_id}. */
    default Object clientId(long resourceId) {
        return resourceId;
    }

    /** Turns the id a client sends into the record's numeric id; most records use numbers. */
    default Optional<Long> resolveId(String clientId) {
        try {
            return Optional.of(Long.parseLong(clientId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
