package io.allice.platform.collaboration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.allice.platform.auth.UserDirectory;
import io.allice.platform.collaboration.PublicLinks.LinkedRecord;
import io.allice.platform.shared.config.PlatformProperties;
import io.allice.platform.shared.error.ApiException;
import io.allice.platform.shared.sharing.ReceivedShare;
import io.allice.platform.shared.sharing.ResourceType;
import io.allice.platform.shared.sharing.ShareGrants;
import io.allice.platform.shared.sharing.SharePermission;
import io.allice.platform.shared.sharing.ShareableResource;
import io.allice.platform.shared.sharing.SharedResourceDeleted;
import io.allice.platform.shared.web.BlobResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shares records with users and through public links, and answers other areas' questions
 * about what a user may reach. Only a record's owner shares it or revokes the share; an
 * expired or revoked share grants nothing and its link is not found.
 */
@Service
class ShareService implements ShareGrants {

    private static final Logger log = LoggerFactory.getLogger(ShareService.class);
    static final int MAX_EXPIRY_DAYS = 365;
    private static final String LINK_NOT_FOUND = "This share link does not exist or has expired";

    private final ShareRepository shares;
    private final PublicLinks publicLinks;
    private final Map<ResourceType, ShareableResource> resources = new EnumMap<>(ResourceType.class);
    private final UserDirectory users;
    private final PlatformProperties platform;
    private final Clock clock;

    ShareService(ShareRepository shares, PublicLinks publicLinks, List<ShareableResource> resources,
            UserDirectory users, PlatformProperties platform, Clock clock) {
        this.shares = shares;
        this.publicLinks = publicLinks;
        resources.forEach(resource -> this.resources.put(resource.type(), resource));
        this.users = users;
        this.platform = platform;
        this.clock = clock;
    }

    @Transactional
    ShareView share(long ownerId, CreateShare request) {
        ResourceType type = ResourceType.parse(request.resourceType()).orElseThrow(() ->
                ApiException.invalidField("resource_type", "must be item, media, file or chat_room"));
        SharePermission permission = request.permission() == null ? SharePermission.VIEW
                : SharePermission.parse(request.permission()).orElseThrow(() ->
                        ApiException.invalidField("permission", "must be view or edit"));
        if (permission.allowsEdit() && type != ResourceType.ITEM && type != ResourceType.CHAT_ROOM) {
            throw ApiException.invalidField("permission", "edit is possible for items and chat rooms only");
        }
        Integer days = request.expiresInDays();
        if (days != null && (days < 1 || days > MAX_EXPIRY_DAYS)) {
            throw ApiException.invalidField("expires_in_days", "must be between 1 and 365, or null for no expiry");
        }
        Long grantee = request.sharedWithUserId();
        if (grantee == null && permission.allowsEdit()) {
            throw ApiException.invalidField("permission", "a public link can only grant view");
        }
        if (grantee != null && grantee == ownerId) {
            throw ApiException.invalidField("shared_with_user_id", "must be another user; you own the record");
        }
        if (grantee != null && users.findContact(grantee).isEmpty()) {
            throw ApiException.notFound("User " + grantee + " not found");
        }

        ShareableResource resource = resourceOf(type);
        long resourceId = ownedResourceId(resource, request.resourceId(), ownerId);
        Instant now = clock.instant();
        Instant expiresAt = days == null ? null : now.plus(Duration.ofDays(days));
        String token = grantee == null ? UUID.randomUUID().toString() : null;
        if (grantee != null) {
            // A new share with the same user replaces the old one, so one user has one permission.
            shares.deleteGrants(grantee, type.wireName(), resourceId);
        }
        Share saved = shares.save(new Share(ownerId, type, resourceId, grantee, permission, token, now, expiresAt));
        log.info("User {} shared {} {} as share {} ({})", ownerId, type.wireName(), resourceId, saved.id(),
                grantee == null ? "public link" : "with user " + grantee);
        return view(saved, now);
    }

    @Transactional(readOnly = true)
    List<ShareView> sharesOf(long ownerId, String resourceType) {
        Instant now = clock.instant();
        List<Share> found = resourceType == null
                ? shares.findByOwnerIdOrderByCreatedAtDescIdDesc(ownerId)
                : shares.findByOwnerIdAndResourceTypeOrderByCreatedAtDescIdDesc(ownerId, ResourceType.parse(resourceType)
                        .orElseThrow(() -> ApiException.invalidField("resource_type", "must be item, media, file or chat_room"))
                        .wireName());
        return found.stream().map(share -> view(share, now)).toList();
    }

    @Transactional(readOnly = true)
    List<SharedWithMeView> sharedWith(long userId) {
        List<Share> found = shares.findActiveSharedWith(userId, clock.instant());
        Map<Long, String> owners = users.findUsernames(found.stream().map(Share::ownerId).toList());
        return found.stream().map(share -> new SharedWithMeView(share.id(), share.resourceType(),
                resourceOf(share.resourceType()).clientId(share.resourceId()), share.permission(), share.ownerId(),
                owners.get(share.ownerId()), share.expiresAt(), share.createdAt())).toList();
    }

    @Transactional
    void revoke(long ownerId, long shareId) {
        Share share = shares.findById(shareId).filter(found -> found.ownerId() == ownerId)
                .orElseThrow(() -> ApiException.notFound("Share " + shareId + " not found"));
        shares.delete(share);
        log.info("User {} revoked share {}", ownerId, shareId);
    }

    /** Deletes the shares of a record that its area deleted, in the same transaction. */
    @EventListener
    @Transactional
    void on(SharedResourceDeleted deleted) {
        int removed = shares.deleteByResource(deleted.type().wireName(), deleted.resourceId());
        if (removed > 0) {
            log.info("Deleted {} shares of {} {}", removed, deleted.type().wireName(), deleted.resourceId());
        }
    }

    /** Returns the unexpired public share behind a link token, or throws not found. */
    @Transactional(readOnly = true)
    Share publicShare(String token) {
        return shares.findByShareToken(token)
                .filter(share -> share.sharedWithUserId() == null && !share.expiredAt(clock.instant()))
                .orElseThrow(() -> ApiException.notFound(LINK_NOT_FOUND));
    }

    /** Returns what a public link shows: the share and the shared record. */
    @Transactional(readOnly = true)
    PublicShareView publicView(String token) {
        Share share = publicShare(token);
        ShareableResource resource = resourceOf(share.resourceType());
        return new PublicShareView(share.resourceType(), resource.clientId(share.resourceId()), share.permission(),
                share.expiresAt(), resource.publicView(share.resourceId()));
    }

    /**
     * Returns the content of a shared file or media for its public link, as an attachment or
     * inline, or one of its renditions when {@code renditionId} is given. It runs without a
     * transaction, because a stream requests it again for each byte range.
     */
    BlobResponses.ServedBlob publicContent(String token, boolean inline, Long renditionId) {
        LinkedRecord linked = publicLinks.find(token, clock.instant())
                .orElseThrow(() -> ApiException.notFound(LINK_NOT_FOUND));
        ShareableResource resource = resourceOf(linked.type());
        if (renditionId != null) {
            return resource.rendition(linked.id(), renditionId, inline).orElseThrow(() -> ApiException.notFound(
                    "Rendition " + renditionId + " of this shared record not found or not completed"));
        }
        return resource.content(linked.id(), inline)
                .orElseThrow(() -> ApiException.notFound("This shared record has no content to download"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SharePermission> grantedTo(long userId, ResourceType type, long resourceId) {
        return shares.findGrants(userId, type.wireName(), resourceId, clock.instant()).stream()
                .map(Share::permission)
                .max(Comparator.naturalOrder());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ResourceType, Set<Long>> resourcesSharedWith(long userId) {
        return shares.findActiveSharedWith(userId, clock.instant()).stream()
                .collect(Collectors.groupingBy(Share::resourceType, () -> new EnumMap<>(ResourceType.class),
                        Collectors.mapping(Share::resourceId, Collectors.toSet())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReceivedShare> sharesReceivedBy(long userId) {
        return shares.findActiveSharedWith(userId, clock.instant()).stream()
                .map(share -> new ReceivedShare(share.resourceType(), share.resourceId(), share.createdAt()))
                .toList();
    }

    private ShareableResource resourceOf(ResourceType type) {
        ShareableResource resource = resources.get(type);
        if (resource == null) {
            throw ApiException.invalidField("resource_type", "sharing " + type.wireName() + " is not available yet");
        }
        return resource;
    }

    private static long ownedResourceId(ShareableResource resource, Object clientId, long ownerId) {
        String text = String.valueOf(clientId);
        if (resource.type() != ResourceType.CHAT_ROOM && !(clientId instanceof Integer || clientId instanceof Long)) {
            throw ApiException.invalidField("resource_id", "must be an integer record id");
        }
        String label = resource.type().wireName().replace('_', ' ');
        long resourceId = resource.resolveId(text)
                .orElseThrow(() -> ApiException.notFound(capitalize(label) + " " + text + " not found"));
        Optional<Long> owner = resource.ownerOf(resourceId);
        if (owner.isEmpty() || owner.get() != ownerId) {
            throw ApiException.notFound(capitalize(label) + " " + text + " not found");
        }
        return resourceId;
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private ShareView view(Share share, Instant now) {
        String token = share.shareToken();
        return new ShareView(share.id(), share.resourceType(), resourceOf(share.resourceType()).clientId(share.resourceId()),
                share.sharedWithUserId(), share.permission(), token,
                token == null ? null : platform.publicBaseUrl() + "/shared/" + token,
                share.expiresAt(), share.createdAt(), share.expiredAt(now));
    }

    /** A public link's content. */
    record PublicShareView(ResourceType resourceType, Object resourceId, SharePermission permission,
            Instant expiresAt, Object resource) {
    }
}
