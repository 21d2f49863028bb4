/**
 * External integrations: a user connects an account at another service (GitHub, Google Drive,
 * Slack and seven more) with a token or through OAuth, and syncs bring that account's data in
 * as items of the user. Each service is one {@link io.allice.platform.integrations.connector.Connector};
 * the rest of the area (tokens encrypted at rest, OAuth, durable sync jobs, the endpoints) is
 * the same for all of them.
 */
@ApplicationModule(displayName = "Integrations")
package io.allice.platform.integrations;

import org.springframework.modulith.ApplicationModule;
