package io.allice.platform.files;

import io.allice.platform.support.IntegrationTest;

/** The file API with blobs in the local data directory, the default backend. */
@IntegrationTest
class LocalFilesApiIntegrationTests extends FilesApiContract {
}
