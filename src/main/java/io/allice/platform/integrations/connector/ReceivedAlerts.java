package io.allice.platform.integrations.connector;

import java.time.Instant;
import java.util.List;

/**
 * Alerts that a service pushed to an integration's webhook (TradingView), for its connector to
 * import. Implemented by the integrations area over its database.
 */
public interface ReceivedAlerts {

    /**
     * The alerts of one integration with an id above {@code afterId}, oldest first.
     *
     * @param limit the most alerts to return
     */
    List<Alert> after(long integrationId, long afterId, int limit);

    /**
     * One received alert.
     *
     * @param id increasing with arrival
     * @param contentType the {@code Content-Type} it was posted with, or null
     * @param body the body as text
     */
    record Alert(long id, String contentType, String body, Instant receivedAt) {
    }
}
