package io.allice.platform.shared.realtime;

/** A client frame that cannot be served; its message goes to the client as an error frame. */
public class RealtimeFrameRejectedException extends RuntimeException {

    public RealtimeFrameRejectedException(String detail) {
        super(detail);
    }
}
