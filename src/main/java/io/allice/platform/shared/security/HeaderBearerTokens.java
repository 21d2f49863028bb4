package io.allice.platform.shared.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the bearer token of a request. Every authenticated request passes through here, so the
 * common case, a token in the {@code Authorization} header and none in the query or a form
 * body, is read with a character loop instead of Spring Security's regular expression and
 * without parsing the query string. Requests that could carry {@code access_token} as a
 * parameter take Spring Security's resolver, so they behave exactly as they did with it.
 * On {@code queryTokenPaths}, opened by browsers' WebSocket and EventSource (which cannot set
 * headers), the token may come from the query.
 */
final class HeaderBearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer";
    private static final String PARAMETER = "access_token";

    private final Set<String> queryTokenPaths;
    private final DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
    private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();

    HeaderBearerTokens(Set<String> queryTokenPaths) {
        this.queryTokenPaths = queryTokenPaths;
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        if (queryTokenPaths.contains(request.getRequestURI())) {
            return headerOrQuery.resolve(request);
        }
        if (mayHaveParameterToken(request)) {
            return headerOnly.resolve(request);
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return tokenAfterScheme(authorization);
    }

    private static boolean mayHaveParameterToken(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && query.contains(PARAMETER)) {
            return true;
        }
        String contentType = request.getContentType();
        return contentType != null && contentType.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                0, MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }

    /**
     * Returns the token of "Bearer TOKEN" in RFC 6750's form: one space, then token characters and
     * optional trailing '=' padding. Anything else after the scheme is a malformed token, as in
     * Spring Security's resolver.
     */
    private static String tokenAfterScheme(String authorization) {
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' ') {
            throw malformed();
        }
        int end = start;
        while (end < authorization.length() && isTokenCharacter(authorization.charAt(end))) {
            end++;
        }
        if (end == start) {
            throw malformed();
        }
        int padding = end;
        while (padding < authorization.length() && authorization.charAt(padding) == '=') {
            padding++;
        }
        if (padding != authorization.length()) {
            throw malformed();
        }
        return authorization.substring(start);
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
}
