package io.allice.platform.files;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.storage.BlobStorage;
import io.allice.platform.shared.web.BlobResponses;
import io.allice.platform.shared.web.ByteRangeResponses;
import io.allice.platform.shared.web.Paging;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/files", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "File Management")
class FileController {

    private final FileService files;
    private final BlobStorage storage;

    FileController(FileService files, BlobStorage storage) {
        this.files = files;
        this.storage = storage;
    }

    /** The multipart schema for the API docs; the body itself is read as a stream. */
    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
            String description, @Schema(description = "Comma-separated tags", example = "tag1,tag2") String tags) {
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file; description and tags may also be query parameters",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class))))
    ResponseEntity<FileView> upload(@AuthenticationPrincipal AuthenticatedUser user, HttpServletRequest request,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "tags", required = false) String tags) throws IOException {
        FileView created = files.upload(user.id(), request, description, tags);
        return ResponseEntity.created(URI.create("/api/files/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List the caller's files, newest first")
    List<FileView> list(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(name = "skip", defaultValue = "0") int skip,
            @Parameter(schema = @Schema(minimum = "1", maximum = "1000", defaultValue = "100"))
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return files.list(user.id(), Paging.of(skip, limit, FileRules.MAX_PAGE_SIZE));
    }

    @GetMapping("/{file_id}")
    @Operation(summary = "Get one of the caller's file records")
    FileView get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("file_id") long fileId) {
        return files.get(user.id(), fileId);
    }

    @PutMapping(path = "/{file_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the description or tags present in the body")
    FileView update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("file_id") long fileId,
            @RequestBody JsonNode body) {
        return files.update(user.id(), fileId, FileChanges.parse(body));
    }

    @GetMapping(path = "/{file_id}/download", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download a file as an attachment; supports HEAD and single byte ranges")
    @ByteRangeResponses
    void download(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("file_id") long fileId,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        BlobResponses.send(storage, files.forDownload(user.id(), fileId), request, response);
    }

    @DeleteMapping("/{file_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of the caller's files and its content")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("file_id") long fileId) {
        files.delete(user.id(), fileId);
        return ResponseEntity.noContent().build();
    }
}
