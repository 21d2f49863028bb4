package io.allice.platform.media;

import io.allice.platform.support.IntegrationTest;

/** The media API with blobs in the local data directory, the default backend. */
@IntegrationTest
class LocalMediaApiIntegrationTests extends MediaApiContract {
}
