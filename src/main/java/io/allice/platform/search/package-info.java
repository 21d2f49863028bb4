/**
 * Search: ranked full-text search over the caller's items, files and media and over records
 * shared with the caller. It keeps its own copy of each record's text, fed by the events of the
 * areas that own the records, and matches it with PostgreSQL's text search or, on the embedded
 * database, with a Lucene index under the data directory.
 */
@ApplicationModule(displayName = "Search")
package io.allice.platform.search;

import org.springframework.modulith.ApplicationModule;
