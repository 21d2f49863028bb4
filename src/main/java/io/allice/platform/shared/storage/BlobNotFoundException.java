package io.allice.platform.shared.storage;

import java.io.IOException;

/** The storage has no blob under the requested key. */
public class BlobNotFoundException extends IOException {

    public BlobNotFoundException(String key) {
        super("No blob stored under key " + key);
    }
}
