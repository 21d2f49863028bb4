package io.allice.platform.shared.storage;

import io.allice.platform.support.IntegrationTest;

@IntegrationTest
class LocalBlobStorageIntegrationTests extends BlobStorageContract {
}
