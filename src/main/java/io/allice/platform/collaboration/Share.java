package io.allice.platform.collaboration;

import java.time.Instant;

import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.SharePermission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A record shared by its owner: with one user, or, when {@code sharedWithUserId} is null,
 * with anyone who has the link's random token.
 */
@Entity
@Table(name = "shares")
class Share {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "resource_type", nullable = false, updatable = false, length = 20)
    private String resourceType;

    @Column(name = "resource_id", nullable = false, updatable = false)
    private long resourceId;

    @Column(name = "shared_with_user_id", updatable = false)
    private Long sharedWithUserId;

    @Column(nullable = false, updatable = false, length = 10)
    private String permission;

    @Column(name = "share_token", updatable = false, length = 36)
    private String shareToken;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    protected Share() {
    }

    Share(long ownerId, ResourceType type, long resourceId, Long sharedWithUserId, SharePermission permission,
            String shareToken, Instant createdAt, Instant expiresAt) {
        this.ownerId = ownerId;
        this.resourceType = type.wireName();
        this.resourceId = resourceId;
        this.sharedWithUserId = sharedWithUserId;
        this.permission = permission.wireName();
        this.shareToken = shareToken;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    Long id() {
        return id;
    }

    long ownerId() {
        return ownerId;
    }

    ResourceType resourceType() {
        return ResourceType.parse(resourceType).orElseThrow();
    }

    long resourceId() {
        return resourceId;
    }

    Long sharedWithUserId() {
        return sharedWithUserId;
    }

    SharePermission permission() {
        return SharePermission.parse(permission).orElseThrow();
    }

    String shareToken() {
        return shareToken;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
