package io.allice.platform.ai;

import java.net.URI;
import java.util.List;

import io.allice.platform.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/ai/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI")
class CatalogueController {

    private final ModelCatalogue catalogue;

    CatalogueController(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "Models you can use; refresh=true (administrators) first adds what the providers list")
    List<AiViews.CatalogueEntry> list(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(name = "model_type", required = false) String modelType,
            @RequestParam(name = "provider", required = false) String provider,
            @RequestParam(name = "refresh", defaultValue = "false") boolean refresh) {
        if (refresh) {
            catalogue.refreshFromProviders(user);
        }
        return catalogue.list(user, modelType, provider);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a catalogue entry (administrators)")
    ResponseEntity<AiViews.CatalogueEntry> add(@AuthenticationPrincipal AuthenticatedUser user,
            @Valid @RequestBody AiRequests.CatalogueEntry request) {
        AiViews.CatalogueEntry added = catalogue.add(user, request);
        return ResponseEntity.created(URI.create("/api/ai/models/" + added.id())).body(added);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename, retype, describe, enable or disable a catalogue entry (administrators)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = AiRequests.CatalogueChange.class))))
    AiViews.CatalogueEntry change(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("id") long id,
            @RequestBody JsonNode body) {
        return catalogue.change(user, id, CatalogueChanges.parse(body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a catalogue entry (administrators)")
    ResponseEntity<Void> remove(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("id") long id) {
        catalogue.remove(user, id);
        return ResponseEntity.noContent().build();
    }
}
