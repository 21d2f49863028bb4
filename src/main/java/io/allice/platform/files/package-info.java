/** File management: a user's uploaded files with description and tags, downloads with byte ranges. */
@ApplicationModule(displayName = "Files")
package io.allice.platform.files;

import org.springframework.modulith.ApplicationModule;
