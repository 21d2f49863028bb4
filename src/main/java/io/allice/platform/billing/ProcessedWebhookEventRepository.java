package io.allice.platform.billing;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProcessedWebhookEventRepository extends JpaRepository<ProcessedWebhookEvent, String> {
}
