package io.allice.platform.content;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores records imported from other services as items of their owner. An item is keyed by
 * owner, item type and source id, so importing the same record again updates its item instead
 * of adding one. Imported items are ordinary items afterwards: the owner lists, edits, shares
 * and deletes them through the item endpoints, and search indexes them like any other item.
 */
@Service
public class ItemImports {

    private static final Logger log = LoggerFactory.getLogger(ItemImports.class);
    static final int MAX_SOURCE_ID_LENGTH = 255;

    private final ItemRepository items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ItemImports(ItemRepository items, ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /** How many items one {@link #upsert} call created and how many it updated. */
    public record Outcome(int created, int updated) {

        public int total() {
            return created + updated;
        }
    }

    /**
     * Creates or updates one item per record in one transaction, reading the existing items with
     * one query per item type. Each item is published to search as it would be after a create
     * or update through the API. A record whose source id appears twice in the batch counts once,
     * with its last version.
     *
     * @throws IllegalArgumentException when an item type or source id is invalid
     */
    @Transactional
    public Outcome upsert(long ownerId, List<ImportedItem> records) {
        Instant now = clock.instant();
        Map<String, Map<String, ImportedItem>> byType = new LinkedHashMap<>();
        for (ImportedItem record : records) {
            validate(record);
            byType.computeIfAbsent(record.itemType(), type -> new LinkedHashMap<>()).put(record.sourceId(), record);
        }

        int created = 0;
        int updated = 0;
        List<Item> changed = new ArrayList<>();
        for (Map.Entry<String, Map<String, ImportedItem>> type : byType.entrySet()) {
            Map<String, Item> existing = existing(ownerId, type.getKey(), type.getValue().keySet());
            for (ImportedItem record : type.getValue().values()) {
                Item item = existing.get(record.sourceId());
                if (item == null) {
                    item = new Item(ownerId, title(record), record.itemType(), now);
                    item.setSourceId(record.sourceId());
                    created++;
                } else {
                    item.setTitle(title(record));
                    item.touch(now);
                    updated++;
                }
                item.setDescription(Texts.cut(Texts.withoutNul(record.description()), ItemRules.MAX_DESCRIPTION_LENGTH));
                item.setContent(Texts.withoutNul(record.content() == null ? Map.of() : record.content()));
                item.setMetadata(Texts.withoutNul(record.metadata() == null ? Map.of() : record.metadata()));
                changed.add(item);
            }
        }

        items.saveAll(changed);
        items.flush();
        changed.forEach(item -> events.publishEvent(ItemSearchDocuments.of(item)));
        log.info("Imported items for user {}: {} created, {} updated", ownerId, created, updated);
        return new Outcome(created, updated);
    }

    private Map<String, Item> existing(long ownerId, String itemType, Collection<String> sourceIds) {
        return items.findByUserIdAndItemTypeAndSourceIdIn(ownerId, itemType, sourceIds).stream()
                .collect(Collectors.toMap(Item::sourceId, Function.identity()));
    }

    private static void validate(ImportedItem record) {
        if (record.itemType() == null || !record.itemType().matches(ItemRules.ITEM_TYPE_PATTERN)) {
            throw new IllegalArgumentException("Invalid item type for an imported item: " + record.itemType());
        }
        if (record.sourceId() == null || record.sourceId().isBlank() || record.sourceId().length() > MAX_SOURCE_ID_LENGTH) {
            throw new IllegalArgumentException("An imported item needs a source id of 1 to " + MAX_SOURCE_ID_LENGTH
                    + " characters");
        }
    }

    private static String title(ImportedItem record) {
        String title = Texts.withoutNul(record.title());
        if (title == null || title.isBlank()) {
            title = record.sourceId();
        }
        return Texts.cut(title.strip(), ItemRules.MAX_TITLE_LENGTH);
    }

    /** Makes other services' text storable: PostgreSQL takes no U+0000, and columns have limits. */
    private static final class Texts {

        static String cut(String text, int maxLength) {
            return text == null || text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
        }

        static String withoutNul(String text) {
            return text == null ? null : text.replace("\u0000", "");
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> withoutNul(Map<String, Object> map) {
            return (Map<String, Object>) clean(map);
        }

        private static Object clean(Object value) {
            return switch (value) {
                case String text -> withoutNul(text);
                case Map<?, ?> map -> {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    map.forEach((key, child) -> copy.put(withoutNul(String.valueOf(key)), clean(child)));
                    yield copy;
                }
                case Collection<?> list -> list.stream().map(Texts::clean).toList();
                case null, default -> value;
            };
        }
    }
}
