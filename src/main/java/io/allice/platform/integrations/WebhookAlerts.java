package io.allice.platform.integrations;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.allice.platform.integrations.connector.ReceivedAlerts;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.shared.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TradingView alerts: stores what arrives at an integration's secret webhook URL, and hands the
 * stored alerts to the TradingView connector's sync.
 */
@Component
class WebhookAlerts implements ReceivedAlerts {

    private static final Logger log = LoggerFactory.getLogger(WebhookAlerts.class);
    private static final int MAX_CONTENT_TYPE_LENGTH = 200;

    private final IntegrationRepository integrations;
    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookAlerts(IntegrationRepository integrations, JdbcClient jdbc, Clock clock) {
        this.integrations = integrations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores one alert for the integration whose secret this is. The secret is found by its
     * SHA-256, and compared again in constant time.
     *
     * @return the stored alert's id
     * @throws ApiException 404 for a secret no integration has
     */
    @Transactional
    long receive(String secret, String contentType, String body) {
        String hash = TokenCipher.sha256Hex(secret);
        Integration integration = integrations.findByWebhookSecretHash(hash)
                .filter(found -> found.service() == ServiceName.TRADINGVIEW)
                .filter(found -> MessageDigest.isEqual(found.webhookSecretHash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)))
                .orElseThrow(() -> ApiException.notFound("No TradingView integration has this webhook URL"));
        String type = contentType == null || contentType.length() <= MAX_CONTENT_TYPE_LENGTH ? contentType
                : contentType.substring(0, MAX_CONTENT_TYPE_LENGTH);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into integration_alerts (integration_id, content_type, body, received_at)
                values (:integration, :type, :body, :at)""")
                .param("integration", integration.id()).param("type", type).param("body", body)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        log.info("Stored TradingView alert {} for integration {}", id, integration.id());
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Alert> after(long integrationId, long afterId, int limit) {
        return jdbc.sql("""
                select id, content_type, body, received_at from integration_alerts
                where integration_id = :integration and id > :after order by id limit :limit""")
                .param("integration", integrationId).param("after", afterId).param("limit", limit)
                .query((row, number) -> new Alert(row.getLong(1), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }
}
