package io.allice.platform.ai;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One provider call by one user: which model, how many tokens, how long, and how it ended. */
@Entity
@Table(name = "ai_usage_records")
class UsageRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, length = 20)
    private String provider;

    @Column(name = "model_id", nullable = false, length = 300)
    private String modelId;

    @Column(name = "input_tokens")
    private Integer inputTokens;

    @Column(name = "output_tokens")
    private Integer outputTokens;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMs;

    /** {@code success} or {@code error}. */
    @Column(nullable = false, length = 20)
    private String outcome;

    /** The HTTP status the platform responded with. */
    @Column(name = "status_code", nullable = false)
    private int statusCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected UsageRecord() {
    }

    UsageRecord(long userId, ModelId model, Integer inputTokens, Integer outputTokens, long latencyMs, int statusCode,
            Instant now) {
        this.userId = userId;
        this.provider = model.provider();
        this.modelId = model.toString();
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.latencyMs = latencyMs;
        this.outcome = statusCode < 400 ? "success" : "error";
        this.statusCode = statusCode;
        this.createdAt = now;
    }
}
