package io.allice.platform.collaboration;

import java.io.IOException;

import io.allice.platform.shared.security.RouteAccess;
import io.allice.platform.shared.storage.BlobStorage;
import io.allice.platform.shared.web.BlobResponses;
import io.allice.platform.shared.web.ByteRangeResponses;
import io.allice.platform.shared.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public share links, which work without an account. */
@RestController
@Tag(name = "Collaboration")
class SharedLinkController {

    private final ShareService shares;
    private final BlobStorage storage;

    SharedLinkController(ShareService shares, BlobStorage storage) {
        this.shares = shares;
        this.storage = storage;
    }

    @GetMapping(path = "/shared/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "The record behind a public share link; no account needed")
    ShareService.PublicShareView shared(@PathVariable("token") String token) {
        return shares.publicView(token);
    }

    @GetMapping(path = "/shared/{token}/download", produces = MediaType.ALL_VALUE)
    @SecurityRequirements
    @Operation(summary = "Download a shared file or media as an attachment; supports HEAD and byte ranges")
    @ByteRangeResponses
    void download(@PathVariable("token") String token,
            @Parameter(description = "Id of a completed transcode of shared media; the original when absent")
            @RequestParam(name = "rendition", required = false) Long renditionId,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(token, false, renditionId, request, response);
    }

    @GetMapping(path = "/shared/{token}/stream", produces = MediaType.ALL_VALUE)
    @SecurityRequirements
    @Operation(summary = "Stream a shared file or media inline; supports HEAD and byte ranges")
    @ByteRangeResponses
    void stream(@PathVariable("token") String token,
            @Parameter(description = "Id of a completed transcode of shared media; the original when absent")
            @RequestParam(name = "rendition", required = false) Long renditionId,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(token, true, renditionId, request, response);
    }

    private void send(String token, boolean inline, Long renditionId, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        QueryParameters.rejectEmptyInteger(request, "rendition");
        BlobResponses.send(storage, shares.publicContent(token, inline, renditionId), request, response);
    }

    /** Share links are open to anyone who has one. */
    @Bean
    static RouteAccess sharedLinkRouteAccess() {
        return routes -> routes.requestMatchers("/shared/**").permitAll();
    }
}
