package io.allice.platform.integrations;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IntegrationRepository extends JpaRepository<Integration, Long> {

    /** Served by the unique (user_id, service_name) constraint's index. */
    Optional<Integration> findByUserIdAndServiceName(long userId, String serviceName);

    List<Integration> findByUserIdOrderByServiceName(long userId);

    Optional<Integration> findByWebhookSecretHash(String webhookSecretHash);

    /**
     * Loads an integration and locks its row until the transaction ends, so that two requests
     * cannot both start a sync and a sync's result does not overwrite a reconnection.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Integration i where i.id = :id")
    Optional<Integration> lockById(@Param("id") long id);
}
