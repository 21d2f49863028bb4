/**
 * The blob storage port ({@link io.allice.platform.shared.storage.BlobStorage}) with its local
 * file-system and S3 adapters, and content-type detection for stored blobs.
 */
package io.allice.platform.shared.storage;
