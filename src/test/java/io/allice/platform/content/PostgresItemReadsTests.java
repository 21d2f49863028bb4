package io.allice.platform.content;

import io.allice.platform.support.IntegrationTest;

/** The item reads on PostgreSQL, whose jsonb columns come back as text in jsonb's own layout. */
@IntegrationTest
class PostgresItemReadsTests extends ItemReadsContract {
}
