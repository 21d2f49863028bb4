/**
 * In-process caches of database state that hot paths read on every request, and the
 * invalidation messages that keep them in step across instances.
 */
package io.allice.platform.shared.cache;
