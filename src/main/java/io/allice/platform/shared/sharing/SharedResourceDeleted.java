package io.allice.platform.shared.sharing;

/**
 * Published, inside its transaction, by the area that deleted a shareable record, so that its
 * shares go with it.
 */
public record SharedResourceDeleted(ResourceType type, long resourceId) {
}
