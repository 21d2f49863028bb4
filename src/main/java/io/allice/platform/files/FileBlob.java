package io.allice.platform.files;

/** An uploaded file's content as stored, before its record is saved. */
record FileBlob(String filename, String originalFilename, String mimeType, long size) {
}
