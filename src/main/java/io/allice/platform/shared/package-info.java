/**
 * The shared kernel: errors, security, persistence, JSON and web conventions that every area
 * uses. It is an open module, so any area may use any of its packages, and it depends on no area.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Shared kernel")
package io.allice.platform.shared;

import org.springframework.modulith.ApplicationModule;
