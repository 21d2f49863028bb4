package io.allice.platform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The hand-written header reading must agree with Spring Security's resolver on every input. */
class HeaderBearerTokensTests {

    private final HeaderBearerTokens tokens = new HeaderBearerTokens(Set.of("/ws"));
    private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "Bearer abc.def-ghi_jkl~mno+pqr/stu", "bearer abc", "BEARER abc==", "Bearer abc=", "Bearer a=b",
        "Bearer  abc", "Bearer", "Bearer ", "Bearerabc", "Bearer abc ", "Bearer abc\tdef", "Bearer ab\"c",
        "Basic dXNlcjpwYXNz", "Token abc", "", " Bearer abc", "Bearer ===", "Bearer é", "Bearerz abc",
    })
    void agreesWithSpringSecurityOnTheHeader(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/items");
        request.addHeader("Authorization", header);

        Outcome expected = outcome(() -> reference.resolve(request));
        Outcome actual = outcome(() -> tokens.resolve(request));

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void agreesWithSpringSecurityWhenAParameterTokenIsPresent(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/items");
        request.addHeader("Authorization", "Bearer abc");
        if (method.equals("GET")) {
            request.setQueryString("access_token=def");
        } else {
            request.setContentType("application/x-www-form-urlencoded");
        }
        request.addParameter("access_token", "def");

        assertThat(outcome(() -> tokens.resolve(request))).isEqualTo(outcome(() -> reference.resolve(request)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/ws", "/api/items"})
    void readsTheQueryTokenOnlyOnStreamingPaths(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString("access_token=abc");
        request.addParameter("access_token", "abc");

        assertThat(tokens.resolve(request)).isEqualTo(path.equals("/ws") ? "abc" : null);
    }

    private static Outcome outcome(java.util.function.Supplier<String> resolve) {
        try {
            return new Outcome(resolve.get(), null);
        } catch (OAuth2AuthenticationException e) {
            return new Outcome(null, e.getError().getDescription());
        }
    }

    private record Outcome(String token, String error) {
    }
}
