package io.allice.platform.shared.storage;

import io.allice.platform.support.S3IntegrationTest;

@S3IntegrationTest
class S3BlobStorageIntegrationTests extends BlobStorageContract {
}
