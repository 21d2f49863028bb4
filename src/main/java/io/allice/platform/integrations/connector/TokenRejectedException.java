package io.allice.platform.integrations.connector;

/**
 * The service rejected the account's token (revoked, expired without a usable refresh token,
 * or lacking a needed scope). The integration then needs to be connected again.
 */
public class TokenRejectedException extends RuntimeException {

    private final ServiceName service;

    public TokenRejectedException(ServiceName service, String serviceMessage) {
        super(service.displayName() + " rejected the token: " + serviceMessage);
        this.service = service;
    }

    public ServiceName service() {
        return service;
    }
}
