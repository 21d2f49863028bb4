package io.allice.platform.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.allice.platform.shared.error.ApiException;

/** Limits and normalisation of the fields a client sets on a file. */
final class FileRules {

    static final int MAX_PAGE_SIZE = 1000;
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_LENGTH = 50;

    private FileRules() {
    }

    static String description(String description) {
        if (description == null) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.invalidField("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (description.indexOf('\0') >= 0) {
            throw ApiException.invalidField("description", "must not contain the NUL character (\\u0000)");
        }
        return description;
    }

    /** Splits a comma-separated tag list, trimming each tag and dropping empty ones and repeats. */
    static List<String> parseTags(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return tags(List.of(commaSeparated.split(",")));
    }

    static List<String> tags(List<String> requested) {
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : requested) {
            if (raw == null) {
                throw ApiException.invalidField("tags", "must not contain null");
            }
            String tag = raw.strip();
            if (tag.length() > MAX_TAG_LENGTH || tag.indexOf('\0') >= 0) {
                throw ApiException.invalidField("tags", "each tag must be at most " + MAX_TAG_LENGTH
                        + " characters without NUL characters");
            }
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalidField("tags", "must be at most " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(tags);
    }
}
