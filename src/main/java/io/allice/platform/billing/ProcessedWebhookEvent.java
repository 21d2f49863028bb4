package io.allice.platform.billing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/** A Stripe event that has been handled; its primary key makes a second delivery fail to insert. */
@Entity
@Table(name = "billing_webhook_events")
class ProcessedWebhookEvent implements Persistable<String> {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    /** Always inserted, never merged, so that a second row with the same event id fails at once. */
    @Transient
    private boolean isNew = true;

    protected ProcessedWebhookEvent() {
        this.isNew = false;
    }

    ProcessedWebhookEvent(String eventId, String eventType, Instant processedAt) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.processedAt = processedAt;
    }

    @Override
    public String getId() {
        return eventId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
