/**
 * Collaboration: chat rooms with members, their message history, and real-time delivery of
 * messages, presence and typing over {@code /ws}.
 */
@ApplicationModule(displayName = "Collaboration")
package io.allice.platform.collaboration;

import org.springframework.modulith.ApplicationModule;
