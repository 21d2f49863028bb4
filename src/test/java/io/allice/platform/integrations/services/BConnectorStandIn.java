package io.allice.platform.integrations.services;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.allice.platform.integrations.connector.AccessTokenSource;
import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.ServiceClient;
import io.allice.platform.integrations.connector.ServiceHttp;
import io.allice.platform.integrations.connector.SyncRequest;
import io.allice.platform.integrations.connector.SyncType;

/**
 * A WireMock server on loopback that plays one service for a connector test, and the client
 * that calls it the way the integrations area does, with waits recorded instead of slept.
 */
final class BConnectorStandIn implements AutoCloseable {

    static final String TOKEN = "token";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final ServiceHttp.RetryPolicy POLICY =
            new ServiceHttp.RetryPolicy(2, Duration.ofSeconds(60), Duration.ofSeconds(5));

    final WireMockServer server;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private BConnectorStandIn(WireMockServer server) {
        this.server = server;
    }

    static BConnectorStandIn start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return new BConnectorStandIn(server);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    void reset() {
        server.resetAll();
        sleeps.clear();
    }

    ServiceHttp client(Connector connector) {
        return client(connector, baseUrl());
    }

    ServiceHttp client(Connector connector, String baseUrl) {
        return client(connector, baseUrl, Optional.empty());
    }

    ServiceHttp client(Connector connector, String baseUrl, Optional<ServiceClient.ClientCredentials> credentials) {
        return new ServiceHttp(HttpClient.newHttpClient(), connector, baseUrl, AccessTokenSource.fixed(TOKEN),
                credentials, POLICY, Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add);
    }

    Synced sync(Connector connector, SyncRequest request) {
        return sync(connector, baseUrl(), request);
    }

    Synced sync(Connector connector, String baseUrl, SyncRequest request) {
        List<ImportedRecord> records = new ArrayList<>();
        Map<String, String> cursor = connector.sync(client(connector, baseUrl), request, records::add);
        return new Synced(records, cursor);
    }

    static SyncRequest full() {
        return new SyncRequest(SyncType.FULL, null, Map.of(), ServiceHttp.JSON.createObjectNode());
    }

    static SyncRequest incremental(Map<String, String> cursor) {
        return new SyncRequest(SyncType.INCREMENTAL, NOW.minus(Duration.ofHours(1)), cursor,
                ServiceHttp.JSON.createObjectNode());
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The records one sync passed to its sink, in order, and the cursor it returned. */
    record Synced(List<ImportedRecord> records, Map<String, String> cursor) {

        List<String> ids() {
            return records.stream().map(ImportedRecord::sourceId).toList();
        }
    }
}
