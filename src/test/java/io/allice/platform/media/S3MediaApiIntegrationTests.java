package io.allice.platform.media;

import io.allice.platform.support.S3IntegrationTest;

/** The media API with blobs in an S3-compatible store (S3Mock on loopback). */
@S3IntegrationTest
class S3MediaApiIntegrationTests extends MediaApiContract {
}
