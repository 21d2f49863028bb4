package io.allice.platform.content;

import java.net.URI;
import java.util.List;

import io.allice.platform.content.ItemRequests.CreateItem;
import io.allice.platform.content.ItemRequests.UpdateItem;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.error.FieldViolation;
import io.allice.platform.shared.security.AuthenticatedUser;
import io.allice.platform.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping(path = "/api/items", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Content Management")
class ItemController {

    private final ItemService items;
    private final JsonMapper jsonMapper;

    ItemController(ItemService items, JsonMapper jsonMapper) {
        this.items = items;
        this.jsonMapper = jsonMapper;
    }

    @GetMapping
    @Operation(summary = "List the caller's items, newest first")
    List<ItemView> list(@AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(name = "item_type", required = false) String itemType,
            @Parameter(schema = @Schema(allowableValues = {"draft", "published", "archived"}))
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "skip", defaultValue = "0") int skip,
            @Parameter(schema = @Schema(minimum = "1", maximum = "1000", defaultValue = "100"))
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        // A type no item can have is a mistake to report, and a NUL character would fail in PostgreSQL.
        if (itemType != null && !itemType.matches(ItemRules.ITEM_TYPE_PATTERN)) {
            throw ApiException.invalidField("item_type", ItemRules.ITEM_TYPE_MESSAGE);
        }
        ItemStatus statusFilter = status == null ? null : ItemStatus.parse(status)
                .orElseThrow(() -> ApiException.invalidField("status", "must be " + ItemStatus.ALLOWED));
        return items.list(user.id(), itemType, statusFilter, Paging.of(skip, limit, ItemRules.MAX_PAGE_SIZE));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an item")
    ResponseEntity<ItemView> create(@AuthenticationPrincipal AuthenticatedUser user,
            @Valid @RequestBody CreateItem request) {
        List<FieldViolation> violations = request.storageViolations();
        if (!violations.isEmpty()) {
            throw ApiException.invalidFields(violations);
        }
        ItemView created = items.create(user.id(), request);
        return ResponseEntity.created(URI.create("/api/items/" + created.id())).body(created);
    }

    @GetMapping("/{item_id}")
    @Operation(summary = "Get one of the caller's items")
    ItemView get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("item_id") long itemId) {
        return items.get(user.id(), itemId);
    }

    @PutMapping(path = "/{item_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the fields present in the body",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = UpdateItem.class))))
    ItemView update(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("item_id") long itemId,
            @RequestBody JsonNode body) {
        return items.update(user.id(), itemId, ItemChanges.parse(body, jsonMapper));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{item_id}")
    @Operation(summary = "Delete one of the caller's items")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable("item_id") long itemId) {
        items.delete(user.id(), itemId);
        return ResponseEntity.noContent().build();
    }
}
