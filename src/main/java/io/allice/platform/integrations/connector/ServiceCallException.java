package io.allice.platform.integrations.connector;

/**
 * A call to a service that failed for a reason other than a rejected token: an error status,
 * rate limits that outlasted the retries, a timeout or an unreachable host. The message contains
 * the service's response, in words fit for the integration's {@code error_message}.
 */
public class ServiceCallException extends RuntimeException {

    private final ServiceName service;
    private final int status;

    /**
     * @param status the service's HTTP status, or 0 when no response arrived
     */
    public ServiceCallException(ServiceName service, int status, String message) {
        super(message);
        this.service = service;
        this.status = status;
    }

    public ServiceName service() {
        return service;
    }

    /** The service's HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
