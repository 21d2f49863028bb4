package io.allice.platform.shared.web;

import java.io.IOException;

/** Raised while a request body is read, once it passes its size limit; answered with 413. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(String message) {
        super(message);
    }
}
