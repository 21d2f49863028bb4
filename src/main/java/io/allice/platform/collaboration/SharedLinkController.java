package io.allice.platform.collaboration;

import io.allice.platform.shared.security.RouteAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public share links, which work without an account. */
@RestController
@Tag(name = "Collaboration")
class SharedLinkController {

    private final ShareService shares;

    SharedLinkController(ShareService shares) {
        this.shares = shares;
    }

    @GetMapping(path = "/shared/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "The record behind a public share link; no account needed")
    ShareService.PublicShareView shared(@PathVariable("token") String token) {
        return shares.publicView(token);
    }

    /** Share links are open to anyone who has one. */
    @Bean
    static RouteAccess sharedLinkRouteAccess() {
        return routes -> routes.requestMatchers("/shared/**").permitAll();
    }
}
