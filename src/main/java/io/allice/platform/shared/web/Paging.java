package io.allice.platform.shared.web;

import io.allice.platform.shared.error.ApiException;

/**
 * A validated {@code skip}/{@code limit} pair. Values out of range are a 400, never clamped,
 * so a client learns about its mistake instead of getting a silently different page.
 */
public record Paging(int skip, int limit) {

    public static Paging of(int skip, int limit, int maxLimit) {
        if (skip < 0) {
            throw ApiException.invalidField("skip", "must be 0 or greater");
        }
        if (limit < 1 || limit > maxLimit) {
            throw ApiException.invalidField("limit", "must be between 1 and " + maxLimit);
        }
        return new Paging(skip, limit);
    }
}
