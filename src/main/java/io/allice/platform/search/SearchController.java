package io.allice.platform.search;

import java.util.List;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.sharing.ResourceType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Search & Discovery")
class SearchController {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_LIMIT = 100;

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search the caller's items, media and files and those shared with them, best match first",
            description = "Words match in any form (English stemming), regardless of case and accents; the last word "
                    + "also matches as a prefix. Text in double quotes matches as a phrase.")
    List<SearchResult> search(@AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(schema = @Schema(minLength = 1, maxLength = MAX_QUERY_LENGTH))
            @RequestParam(name = "q", required = false) String query,
            @Parameter(schema = @Schema(allowableValues = {"item", "media", "file"}))
            @RequestParam(name = "type", required = false) String type,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(name = "limit", defaultValue = "20") int limit) {
        if (query == null) {
            throw ApiException.invalidField("q", "is required");
        }
        int length = query.codePointCount(0, query.length());
        if (length < 1 || length > MAX_QUERY_LENGTH) {
            throw ApiException.invalidField("q", "must be 1 to " + MAX_QUERY_LENGTH + " characters long");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return search.search(user.id(), query, searchableType(type), limit);
    }

    private static ResourceType searchableType(String type) {
        if (type == null) {
            return null;
        }
        return ResourceType.parse(type)
                .filter(parsed -> parsed != ResourceType.CHAT_ROOM)
                .orElseThrow(() -> ApiException.invalidField("type", "must be item, media or file"));
    }
}
