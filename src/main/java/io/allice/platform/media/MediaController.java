package io.allice.platform.media;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.allice.platform.media.MediaViews.MediaDetailView;
import io.allice.platform.media.MediaViews.MediaView;
import io.allice.platform.media.MediaViews.TranscodeJobView;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.storage.BlobStorage;
import io.allice.platform.shared.web.BlobResponses;
import io.allice.platform.shared.web.BlobResponses.ServedBlob;
import io.allice.platform.shared.web.ByteRangeResponses;
import io.allice.platform.shared.web.Paging;
import io.allice.platform.shared.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
@RequestMapping(path = "/api/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Media Handling")
class MediaController {

    private final MediaService media;
    private final BlobStorage storage;

    MediaController(MediaService media, BlobStorage storage) {
        this.media = media;
        this.storage = storage;
    }

    /** The multipart schema for the API docs; the body itself is read as a stream. */
    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload video, audio or an image, recognised from its content",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class))))
    ResponseEntity<MediaView> upload(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request)
            throws IOException {
        MediaView created = media.upload(user.id(), request);
        return ResponseEntity.created(URI.create("/api/media/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List the caller's media, newest first")
    List<MediaView> list(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(name = "skip", defaultValue = "0") int skip,
            @Parameter(schema = @Schema(minimum = "1", maximum = "1000", defaultValue = "100"))
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return media.list(user.id(), Paging.of(skip, limit, MediaService.MAX_PAGE_SIZE));
    }

    @GetMapping("/{media_id}")
    @Operation(summary = "Get one of the caller's media with its renditions")
    MediaDetailView get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("media_id") long mediaId) {
        return media.get(user.id(), mediaId);
    }

    @GetMapping(path = "/{media_id}/stream", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Stream the original or a completed rendition; supports HEAD and single byte ranges")
    @ByteRangeResponses
    void stream(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("media_id") long mediaId,
            @Parameter(description = "Id of a completed transcode job; the original when absent")
            @RequestParam(name = "rendition", required = false) Long renditionId,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParameters.rejectEmptyInteger(request, "rendition");
        ServedBlob blob = renditionId == null ? media.originalForStream(user.id(), mediaId)
                : media.renditionForStream(user.id(), mediaId, renditionId);
        BlobResponses.send(storage, blob, request, response);
    }

    @PostMapping(path = "/{media_id}/transcode", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Queue a transcode; the job runs in the background and shows its progress")
    TranscodeJobView transcode(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("media_id") long mediaId,
            @RequestBody TranscodeRequest request) {
        return media.requestTranscode(user.id(), mediaId, request);
    }

    @DeleteMapping("/{media_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of the caller's media with its renditions")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("media_id") long mediaId) {
        media.delete(user.id(), mediaId);
        return ResponseEntity.noContent().build();
    }
}
