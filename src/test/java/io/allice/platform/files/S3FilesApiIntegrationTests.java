package io.allice.platform.files;

import io.allice.platform.support.S3IntegrationTest;

/** The file API with blobs in an S3-compatible store (S3Mock on loopback). */
@S3IntegrationTest
class S3FilesApiIntegrationTests extends FilesApiContract {
}
