package io.allice.platform.search;

import io.allice.platform.support.IntegrationTest;

/** Search on PostgreSQL, with its text search. */
@IntegrationTest
class PostgresSearchApiIntegrationTests extends SearchApiContract {
}
