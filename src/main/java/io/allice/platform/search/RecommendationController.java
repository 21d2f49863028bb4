package io.allice.platform.search;

import java.util.List;

import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.security.AuthenticatedUser;
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
@RequestMapping(path = "/api/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Search & Discovery")
class RecommendationController {

    static final int MAX_LIMIT = 50;

    private final RecommendationService recommendations;

    RecommendationController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @GetMapping
    @Operation(summary = "Recommend items, media and files the caller has not opened in the last 30 days",
            description = "Mixes three reasons in turn: records similar to those the caller created or opened in the "
                    + "last 30 days (same tags, words or item type), records shared with the caller in that time, and "
                    + "items the caller published in that time. Each record appears once. A caller with none of "
                    + "these gets an empty list.")
    List<Recommendation> recommend(@AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(schema = @Schema(minimum = "1", maximum = "50", defaultValue = "10"))
            @RequestParam(name = "limit", defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return recommendations.recommend(user.id(), limit);
    }
}
