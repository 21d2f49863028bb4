/** Health, host statistics, configuration, logs and restart, all but health for administrators. */
@ApplicationModule(displayName = "System and administration")
package io.allice.platform.system;

import org.springframework.modulith.ApplicationModule;
