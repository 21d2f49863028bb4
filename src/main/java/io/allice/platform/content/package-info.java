/** Content items: a user's titled records with free-form JSON content and a publishing status. */
@ApplicationModule(displayName = "Content")
package io.allice.platform.content;

import org.springframework.modulith.ApplicationModule;
