package io.allice.platform.shared.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Turns a verified token into the caller's authentication, reading the account from the
 * {@link AccessCache} so that a deleted account's tokens stop working at once. The caller is
 * also kept as a request attribute for the filters that run around the security chain.
 */
class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccessCache accounts;

    CallerAuthenticationConverter(AccessCache accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        long userId = Long.parseLong(token.getSubject());
        AuthenticatedUser user = accounts.account(userId)
                .orElseThrow(() -> new InvalidBearerTokenException("The token's account no longer exists"));
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(AuthenticatedUser.REQUEST_ATTRIBUTE, user, RequestAttributes.SCOPE_REQUEST);
        }
        return new UserAuthentication(user, token);
    }
}
