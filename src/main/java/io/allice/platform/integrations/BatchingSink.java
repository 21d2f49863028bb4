package io.allice.platform.integrations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.allice.platform.content.ImportedItem;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.RecordSink;
import io.allice.platform.integrations.connector.ServiceName;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects a connector's records into batches the size of a typical service page, and stores
 * each batch with one upsert, so a sync costs a few queries per page rather than per record.
 */
final class BatchingSink implements RecordSink {

    static final int BATCH_SIZE = 100;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final ServiceName service;
    private final JsonMapper json;
    private final Instant syncedAt;
    private final Consumer<List<ImportedItem>> store;
    private final List<ImportedItem> pending = new ArrayList<>();
    private int stored;

    BatchingSink(ServiceName service, JsonMapper json, Instant syncedAt, Consumer<List<ImportedItem>> store) {
        this.service = service;
        this.json = json;
        this.syncedAt = syncedAt;
        this.store = store;
    }

    @Override
    public void accept(ImportedRecord record) {
        pending.add(item(record));
        if (pending.size() >= BATCH_SIZE) {
            flush();
        }
    }

    /** Stores what is pending. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<ImportedItem> batch = List.copyOf(pending);
        store.accept(batch);
        stored += batch.size();
        pending.clear();
    }

    /** Records stored so far. */
    int stored() {
        return stored;
    }

    private ImportedItem item(ImportedRecord record) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source_service", service.id());
        metadata.put("source_id", record.sourceId());
        metadata.put("link", record.link());
        metadata.put("synced_at", syncedAt.toString());
        metadata.put("source_updated_at", record.updatedAt() == null ? null : record.updatedAt().toString());
        return new ImportedItem(service.id() + "_" + record.kind(), record.sourceId(), record.title(),
                record.description(), content(record.content()), metadata);
    }

    private Map<String, Object> content(JsonNode content) {
        if (content == null || content.isMissingNode() || content.isNull()) {
            return new LinkedHashMap<>();
        }
        if (content.isObject()) {
            return json.convertValue(content, JSON_OBJECT);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", json.convertValue(content, Object.class));
        return wrapped;
    }
}
