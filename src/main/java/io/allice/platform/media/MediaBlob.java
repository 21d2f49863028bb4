package io.allice.platform.media;

/** An uploaded media file's content as stored, before it is probed and its record saved. */
record MediaBlob(String filename, String originalFilename, String mimeType, long size) {
}
