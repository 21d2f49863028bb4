package io.allice.platform.shared.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the account as principal and the verified token as credentials. */
public final class UserAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser user;
    private final transient Jwt token;

    UserAuthentication(AuthenticatedUser user, Jwt token) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return Long.toString(user.id());
    }
}
