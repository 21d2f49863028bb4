package io.allice.platform.integrations.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.ReceivedAlerts;
import io.allice.platform.integrations.connector.RecordSink;
import io.allice.platform.integrations.connector.ServiceClient;
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.integrations.connector.SyncRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TradingView has no public data API: it posts alerts to the webhook URL the platform hands out
 * on connecting, and a sync turns the alerts received since the last one into
 * {@code tradingview_alert} items. Nothing is ever sent to TradingView.
 */
@Component
class TradingViewConnector implements Connector {

    static final String CURSOR_LAST_ALERT = "last_alert_id";
    private static final int BATCH = 500;
    private static final int MAX_TITLE_LENGTH = 120;

    private final ReceivedAlerts alerts;

    TradingViewConnector(ReceivedAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public ServiceName service() {
        return ServiceName.TRADINGVIEW;
    }

    /** Not called: the connector never reaches TradingView. */
    @Override
    public String defaultBaseUrl() {
        return "https://www.tradingview.com";
    }

    @Override
    public Optional<OAuthFlow> oauth() {
        return Optional.empty();
    }

    /** There is no account to ask TradingView about; the integration is the webhook. */
    @Override
    public String identify(ServiceClient client) {
        return "webhook";
    }

    /** Reads the stored alerts in id order; an incremental sync starts after the last one imported. */
    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        long after = request.type() == io.allice.platform.integrations.connector.SyncType.INCREMENTAL
                ? Long.parseLong(request.cursor().getOrDefault(CURSOR_LAST_ALERT, "0")) : 0;
        long last = after;
        while (true) {
            List<ReceivedAlerts.Alert> batch = alerts.after(request.integrationId(), last, BATCH);
            for (ReceivedAlerts.Alert alert : batch) {
                sink.accept(record(alert));
                last = alert.id();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        return last == 0 ? Map.of() : Map.of(CURSOR_LAST_ALERT, String.valueOf(last));
    }

    private static ImportedRecord record(ReceivedAlerts.Alert alert) {
        ObjectNode content = ServiceHttp.JSON.createObjectNode();
        JsonNode json = json(alert.body());
        if (json != null) {
            content.set("alert", json);
        } else {
            content.put("text", alert.body());
        }
        content.put("content_type", alert.contentType());
        content.put("received_at", alert.receivedAt().toString());
        return new ImportedRecord("alert", String.valueOf(alert.id()), title(alert, json), null, content, null,
                alert.receivedAt());
    }

    /** Picks the alert's first line, or for JSON its {@code title}, {@code message} or {@code ticker} field. */
    private static String title(ReceivedAlerts.Alert alert, JsonNode json) {
        String text = alert.body();
        if (json != null && json.isObject()) {
            text = json.path("title").asString(json.path("message").asString(json.path("ticker").asString("")));
        }
        text = text.strip().lines().findFirst().orElse("");
        if (text.isEmpty()) {
            return "TradingView alert " + alert.id();
        }
        return text.length() <= MAX_TITLE_LENGTH ? text : text.substring(0, MAX_TITLE_LENGTH) + "…";
    }

    private static JsonNode json(String body) {
        String trimmed = body.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        try {
            return ServiceHttp.JSON.readTree(trimmed);
        } catch (JacksonException e) {
            return null;
        }
    }
}
