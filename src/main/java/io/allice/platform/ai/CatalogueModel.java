package io.allice.platform.ai;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A catalogue entry. Entries with an owner are fine-tuned models visible to their owner only. */
@Entity
@Table(name = "ai_models")
class CatalogueModel {

    static final String FROM_CONFIGURATION = "config";
    static final String FROM_ADMIN = "admin";
    static final String FROM_PROVIDER_LIST = "provider";
    static final String FROM_FINE_TUNING = "fine_tune";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "model_type", nullable = false, length = 20)
    private String modelType;

    @Column(nullable = false, length = 20)
    private String provider;

    @Column(name = "model_id", nullable = false, length = 300, updatable = false)
    private String modelId;

    @Column(length = 2000)
    private String description;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(nullable = false, length = 20, updatable = false)
    private String source;

    @Column(name = "owner_id", updatable = false)
    private Long ownerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CatalogueModel() {
    }

    CatalogueModel(String name, String modelType, ModelId modelId, String description, boolean active, String source,
            Long ownerId, Instant now) {
        this.name = name;
        this.modelType = modelType;
        this.provider = modelId.provider();
        this.modelId = modelId.toString();
        this.description = description;
        this.active = active;
        this.source = source;
        this.ownerId = ownerId;
        this.createdAt = now;
    }

    void change(CatalogueChanges changes) {
        changes.name().applyTo(name -> this.name = name);
        changes.modelType().applyTo(modelType -> this.modelType = modelType);
        changes.description().applyTo(description -> this.description = description);
        changes.active().applyTo(active -> this.active = active);
    }

    AiViews.CatalogueEntry view() {
        return new AiViews.CatalogueEntry(id, name, modelType, provider, modelId, description, active);
    }

    String provider() {
        return provider;
    }

    String modelType() {
        return modelType;
    }

    Long ownerId() {
        return ownerId;
    }

    boolean active() {
        return active;
    }
}
