package io.allice.platform.shared.web;

import java.io.IOException;

/** Raised while a request body is read, once it passes its size limit. The error handler turns it into 413. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(String message) {
        super(message);
    }
}
