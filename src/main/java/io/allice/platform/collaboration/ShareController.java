package io.allice.platform.collaboration;

import java.net.URI;
import java.util.List;

import io.allice.platform.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/collab", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Collaboration")
class ShareController {

    private final ShareService shares;

    ShareController(ShareService shares) {
        this.shares = shares;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/share", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Share one of your records with a user, or through a public link when shared_with_user_id is null")
    ResponseEntity<ShareView> share(@AuthenticationPrincipal AuthenticatedUser user,
            @Valid @RequestBody CreateShare request) {
        ShareView created = shares.share(user.id(), request);
        return ResponseEntity.created(URI.create("/api/collab/share/" + created.id())).body(created);
    }

    @GetMapping("/shared")
    @Operation(summary = "The caller's shares, newest first, with whether each has expired")
    List<ShareView> shared(@AuthenticationPrincipal AuthenticatedUser user,
            @Parameter(schema = @Schema(allowableValues = {"item", "media", "file", "chat_room"}))
            @RequestParam(name = "resource_type", required = false) String resourceType) {
        return shares.sharesOf(user.id(), resourceType);
    }

    @GetMapping("/shared-with-me")
    @Operation(summary = "Records other users shared with the caller that have not expired")
    List<SharedWithMeView> sharedWithMe(@AuthenticationPrincipal AuthenticatedUser user) {
        return shares.sharedWith(user.id());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/share/{share_id}")
    @Operation(summary = "Revoke one of your shares")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("share_id") long shareId) {
        shares.revoke(user.id(), shareId);
        return ResponseEntity.noContent().build();
    }
}
