package io.allice.platform.collaboration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ShareRepository extends JpaRepository<Share, Long> {

    Optional<Share> findByShareToken(String shareToken);

    @Modifying(flushAutomatically = true)
    @Query("""
            delete from Share s where s.sharedWithUserId = :userId and s.resourceType = :resourceType
            and s.resourceId = :resourceId
            """)
    int deleteGrants(long userId, String resourceType, long resourceId);

    @Modifying
    @Query("delete from Share s where s.resourceType = :resourceType and s.resourceId = :resourceId")
    int deleteByResource(String resourceType, long resourceId);

    List<Share> findByOwnerIdOrderByCreatedAtDescIdDesc(long ownerId);

    List<Share> findByOwnerIdAndResourceTypeOrderByCreatedAtDescIdDesc(long ownerId, String resourceType);

    /** The unexpired shares of one record with one user. */
    @Query("""
            select s from Share s where s.sharedWithUserId = :userId and s.resourceType = :resourceType
            and s.resourceId = :resourceId and (s.expiresAt is null or s.expiresAt > :now)
            """)
    List<Share> findGrants(long userId, String resourceType, long resourceId, Instant now);

    @Query("""
            select s from Share s where s.sharedWithUserId = :userId and (s.expiresAt is null or s.expiresAt > :now)
            order by s.createdAt desc, s.id desc
            """)
    List<Share> findActiveSharedWith(long userId, Instant now);
}
