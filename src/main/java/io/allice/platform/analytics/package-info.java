/**
 * Analytics and metrics: every API call recorded as an event off the request thread, events
 * that clients report, per-user usage, error, performance and time-series figures computed in
 * SQL, retention of old events, and the Prometheus scrape endpoint.
 */
@ApplicationModule(displayName = "Analytics & Metrics")
package io.allice.platform.analytics;

import org.springframework.modulith.ApplicationModule;
