package io.allice.platform.integrations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.allice.platform.integrations.connector.ServiceName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user's connected account at one service, with its tokens (encrypted by {@link TokenCipher};
 * this entity holds only ciphertext) and the state of its latest sync.
 */
@Entity
@Table(name = "integrations")
class Integration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "service_name", nullable = false, updatable = false, length = 30)
    private String serviceName;

    private String account;

    @Column(name = "access_token", columnDefinition = "text")
    private String encryptedAccessToken;

    @Column(name = "refresh_token", columnDefinition = "text")
    private String encryptedRefreshToken;

    @Column(name = "token_expires_at")
    private Instant tokenExpiresAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> config;

    @Column(name = "webhook_secret_hash", length = 64)
    private String webhookSecretHash;

    private boolean connected;

    @Column(name = "needs_reconnect")
    private boolean needsReconnect;

    @Column(name = "sync_status", nullable = false, length = 20)
    private String syncStatus;

    @Column(name = "sync_type", length = 20)
    private String syncType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sync_options")
    private Map<String, Object> syncOptions;

    @Column(name = "sync_run", nullable = false)
    private int syncRun;

    @Column(name = "sync_started_at")
    private Instant syncStartedAt;

    @Column(name = "error_message", columnDefinition = "text")
    private String errorMessage;

    @Column(name = "items_synced")
    private Integer itemsSynced;

    @Column(name = "items_synced_total", nullable = false)
    private long itemsSyncedTotal;

    @Column(name = "last_sync")
    private Instant lastSync;

    @Column(name = "last_sync_started_at")
    private Instant lastSyncStartedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sync_cursor")
    private Map<String, String> syncCursor;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Integration() {
    }

    Integration(long userId, ServiceName service, Instant now) {
        this.userId = userId;
        this.serviceName = service.id();
        this.syncStatus = SyncStatus.IDLE;
        this.itemsSyncedTotal = 0;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The sync states stored in {@code sync_status}. */
    static final class SyncStatus {
        static final String IDLE = "idle";
        static final String SYNCING = "syncing";
        static final String COMPLETED = "completed";
        static final String ERROR = "error";

        private SyncStatus() {
        }
    }

    /**
     * Stores a new connection's account and tokens, and its config unless that is null. The sync
     * cursor is kept only when the account is the one connected before, because a cursor of
     * another account would skip data.
     */
    void connect(String account, String encryptedAccessToken, String encryptedRefreshToken, Instant tokenExpiresAt,
            Map<String, Object> config, Instant now) {
        if (this.account != null && !this.account.equals(account)) {
            this.syncCursor = null;
            this.lastSyncStartedAt = null;
        }
        this.account = account;
        this.encryptedAccessToken = encryptedAccessToken;
        this.encryptedRefreshToken = encryptedRefreshToken;
        this.tokenExpiresAt = tokenExpiresAt;
        if (config != null) {
            this.config = config;
        } else if (this.config == null) {
            this.config = new LinkedHashMap<>();
        }
        this.connected = true;
        this.needsReconnect = false;
        if (!SyncStatus.SYNCING.equals(syncStatus)) {
            this.errorMessage = null;
        }
        this.updatedAt = now;
    }

    void replaceTokens(String encryptedAccessToken, String encryptedRefreshToken, Instant tokenExpiresAt, Instant now) {
        this.encryptedAccessToken = encryptedAccessToken;
        this.encryptedRefreshToken = encryptedRefreshToken;
        this.tokenExpiresAt = tokenExpiresAt;
        this.updatedAt = now;
    }

    void setWebhookSecretHash(String webhookSecretHash) {
        this.webhookSecretHash = webhookSecretHash;
    }

    /**
     * Starts a sync unless one is running.
     *
     * @return whether this call started it
     */
    boolean startSync(String type, Map<String, Object> options, Instant now) {
        if (SyncStatus.SYNCING.equals(syncStatus)) {
            return false;
        }
        this.syncStatus = SyncStatus.SYNCING;
        this.syncType = type;
        this.syncOptions = options;
        this.syncRun++;
        this.syncStartedAt = now;
        this.errorMessage = null;
        this.updatedAt = now;
        return true;
    }

    void completeSync(int items, Map<String, String> cursor, Instant now) {
        this.syncStatus = SyncStatus.COMPLETED;
        this.errorMessage = null;
        this.itemsSynced = items;
        this.itemsSyncedTotal += items;
        this.lastSync = now;
        this.lastSyncStartedAt = syncStartedAt;
        if (cursor != null && !cursor.isEmpty()) {
            this.syncCursor = cursor;
        }
        this.updatedAt = now;
    }

    /** Records a failed sync; the items it stored before failing still count. */
    void failSync(int items, String message, boolean tokenRejected, Instant now) {
        this.syncStatus = SyncStatus.ERROR;
        this.errorMessage = message;
        this.itemsSynced = items;
        this.itemsSyncedTotal += items;
        if (tokenRejected) {
            this.needsReconnect = true;
            this.connected = false;
        }
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    ServiceName service() {
        return ServiceName.fromId(serviceName).orElseThrow();
    }

    String account() {
        return account;
    }

    String encryptedAccessToken() {
        return encryptedAccessToken;
    }

    String encryptedRefreshToken() {
        return encryptedRefreshToken;
    }

    Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    Map<String, Object> config() {
        return config;
    }

    String webhookSecretHash() {
        return webhookSecretHash;
    }

    boolean connected() {
        return connected;
    }

    boolean needsReconnect() {
        return needsReconnect;
    }

    String syncStatus() {
        return syncStatus;
    }

    String syncType() {
        return syncType;
    }

    Map<String, Object> syncOptions() {
        return syncOptions;
    }

    int syncRun() {
        return syncRun;
    }

    Instant syncStartedAt() {
        return syncStartedAt;
    }

    String errorMessage() {
        return errorMessage;
    }

    Integer itemsSynced() {
        return itemsSynced;
    }

    long itemsSyncedTotal() {
        return itemsSyncedTotal;
    }

    Instant lastSync() {
        return lastSync;
    }

    Instant lastSyncStartedAt() {
        return lastSyncStartedAt;
    }

    Map<String, String> syncCursor() {
        return syncCursor == null ? Map.of() : syncCursor;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Builds the associated data that binds an encrypted field to one user's integration with one service. */
    static String associatedData(long userId, ServiceName service, String field) {
        return "integration/" + userId + "/" + service.id() + "/" + field;
    }
}
