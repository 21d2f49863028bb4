package io.allice.platform.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.allice.platform.content.ItemRequests.CreateItem;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.search.ResourceViewed;
import io.allice.platform.shared.search.SearchDocumentRemoved;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.SharePermission;
import io.allice.platform.shared.sharing.ShareGrants;
import io.allice.platform.shared.sharing.SharedResourceDeleted;
import io.allice.platform.shared.web.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes items. A caller reaches their own items, and reads or
 * edits others' only as far as a share allows; anyone else's item is not found.
 */
@Service
class ItemService {

    private static final Logger log = LoggerFactory.getLogger(ItemService.class);

    private final ItemRepository items;
    private final ItemReads reads;
    private final ItemInserts inserts;
    private final ShareGrants grants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ItemService(ItemRepository items, ItemReads reads, ItemInserts inserts, ShareGrants grants,
            ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.reads = reads;
        this.inserts = inserts;
        this.grants = grants;
        this.events = events;
        this.clock = clock;
    }

    /** One statement in auto-commit mode: a read-only transaction would add a round trip to commit it. */
    List<ItemView> list(long userId, String itemType, ItemStatus status, Paging paging) {
        return reads.page(userId, itemType, status, paging.skip(), paging.limit());
    }

    /** Not in a transaction of its own: {@link ItemInserts} writes concurrent creates together. */
    ItemView create(long userId, CreateItem request) {
        Instant now = clock.instant();
        ItemStatus status = request.status() == null
                ? ItemStatus.DRAFT
                : ItemStatus.parse(request.status()).orElseThrow();
        NewItem item = new NewItem(userId, request.title(), request.description(),
                request.content() == null ? Map.of() : request.content(),
                request.itemType() == null ? ItemRules.DEFAULT_ITEM_TYPE : request.itemType(), status,
                request.metadata() == null ? Map.of() : request.metadata(), now,
                status == ItemStatus.PUBLISHED ? now : null);
        ItemView created = inserts.insert(item);
        log.info("User {} created item {}", userId, created.id());
        return created;
    }

    /**
     * Returns an item the caller owns or that was shared with them. Without a transaction: the
     * owner's read is one statement, and a share is looked up only for someone else's item.
     */
    ItemView get(long userId, long itemId) {
        ItemView item = reads.byId(itemId).orElseThrow(() -> notFound(itemId));
        if (item.userId() != userId && grants.grantedTo(userId, ResourceType.ITEM, itemId).isEmpty()) {
            throw notFound(itemId);
        }
        events.publishEvent(new ResourceViewed(userId, ResourceType.ITEM, itemId, clock.instant()));
        return item;
    }

    @Transactional
    ItemView update(long userId, long itemId, ItemChanges changes) {
        Item item = editableItem(userId, itemId);
        Instant now = clock.instant();
        changes.title().applyTo(item::setTitle);
        changes.description().applyTo(item::setDescription);
        changes.content().applyTo(item::setContent);
        changes.itemType().applyTo(item::setItemType);
        changes.metadata().applyTo(item::setMetadata);
        if (changes.status().present()) {
            item.changeStatus(changes.status().value(), now);
        }
        item.touch(now);
        items.flush();
        events.publishEvent(ItemSearchDocuments.of(item));
        log.info("User {} updated item {}", userId, itemId);
        return ItemView.of(item);
    }

    @Transactional
    void delete(long userId, long itemId) {
        Item item = items.findById(itemId).orElseThrow(() -> notFound(itemId));
        if (item.userId() != userId) {
            if (grants.grantedTo(userId, ResourceType.ITEM, itemId).isPresent()) {
                throw new ApiException(HttpStatus.FORBIDDEN, "Only the owner may delete item " + itemId);
            }
            throw notFound(itemId);
        }
        items.delete(item);
        events.publishEvent(new SharedResourceDeleted(ResourceType.ITEM, itemId));
        events.publishEvent(new SearchDocumentRemoved(ResourceType.ITEM, itemId));
        log.info("User {} deleted item {}", userId, itemId);
    }

    /**
     * Loads an item the caller may change: their own, or one shared with them for editing.
     * Anyone else's item is not found, exactly like a missing one.
     */
    private Item editableItem(long userId, long itemId) {
        Item item = items.findById(itemId).orElseThrow(() -> notFound(itemId));
        if (item.userId() == userId) {
            return item;
        }
        SharePermission permission = grants.grantedTo(userId, ResourceType.ITEM, itemId)
                .orElseThrow(() -> notFound(itemId));
        if (!permission.allowsEdit()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Item " + itemId + " is shared with you for viewing only");
        }
        return item;
    }

    private static ApiException notFound(long itemId) {
        return ApiException.notFound("Item " + itemId + " not found");
    }
}
