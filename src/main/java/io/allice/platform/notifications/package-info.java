/**
 * Notifications: stored per user, delivered in real time over {@code /ws} and Server-Sent
 * Events, and by e-mail when SMTP is configured. Other areas create one by publishing
 * {@link io.allice.platform.notifications.NotificationRequested}.
 */
@ApplicationModule(displayName = "Notifications")
package io.allice.platform.notifications;

import org.springframework.modulith.ApplicationModule;
