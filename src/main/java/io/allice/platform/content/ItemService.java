package io.allice.platform.content;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import io.allice.platform.content.ItemRequests.CreateItem;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.web.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, reads, changes and deletes items. Every method acts only on the caller's own items. */
@Service
class ItemService {

    private static final Logger log = LoggerFactory.getLogger(ItemService.class);

    private final ItemRepository items;
    private final Clock clock;

    ItemService(ItemRepository items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ItemView> list(long userId, String itemType, ItemStatus status, Paging paging) {
        return items.findPage(userId, itemType, status, paging.skip(), paging.limit()).stream()
                .map(ItemView::of)
                .toList();
    }

    @Transactional
    ItemView create(long userId, CreateItem request) {
        Instant now = clock.instant();
        String itemType = request.itemType() == null ? ItemRules.DEFAULT_ITEM_TYPE : request.itemType();
        Item item = new Item(userId, request.title(), itemType, now);
        item.setDescription(request.description());
        item.setContent(request.content() == null ? new LinkedHashMap<>() : request.content());
        item.setMetadata(request.metadata() == null ? new LinkedHashMap<>() : request.metadata());
        if (request.status() != null) {
            item.changeStatus(ItemStatus.parse(request.status()).orElseThrow(), now);
        }
        Item saved = items.save(item);
        log.info("User {} created item {}", userId, saved.id());
        return ItemView.of(saved);
    }

    @Transactional(readOnly = true)
    ItemView get(long userId, long itemId) {
        return ItemView.of(ownedItem(userId, itemId));
    }

    @Transactional
    ItemView update(long userId, long itemId, ItemChanges changes) {
        Item item = ownedItem(userId, itemId);
        Instant now = clock.instant();
        if (changes.title().present()) {
            item.setTitle(changes.title().value());
        }
        if (changes.description().present()) {
            item.setDescription(changes.description().value());
        }
        if (changes.content().present()) {
            item.setContent(changes.content().value());
        }
        if (changes.itemType().present()) {
            item.setItemType(changes.itemType().value());
        }
        if (changes.metadata().present()) {
            item.setMetadata(changes.metadata().value());
        }
        if (changes.status().present()) {
            item.changeStatus(changes.status().value(), now);
        }
        item.touch(now);
        items.flush();
        log.info("User {} updated item {}", userId, itemId);
        return ItemView.of(item);
    }

    @Transactional
    void delete(long userId, long itemId) {
        items.delete(ownedItem(userId, itemId));
        log.info("User {} deleted item {}", userId, itemId);
    }

    /** Loads an item of the caller's; another user's item is not found, exactly like a missing one. */
    private Item ownedItem(long userId, long itemId) {
        return items.findByIdAndUserId(itemId, userId)
                .orElseThrow(() -> ApiException.notFound("Item " + itemId + " not found"));
    }
}
