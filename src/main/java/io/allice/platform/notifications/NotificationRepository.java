package io.allice.platform.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    Optional<Notification> findByIdAndUserId(long id, long userId);

    List<Notification> findByUserId(long userId, Pageable page);

    List<Notification> findByUserIdAndReadFalse(long userId, Pageable page);

    long countByUserIdAndReadFalse(long userId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.read = true, n.readAt = :now where n.userId = :userId and n.read = false")
    int markAllRead(long userId, Instant now);
}
