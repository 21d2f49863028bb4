package io.allice.platform.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.allice.platform.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The shortcut of {@link LiteralPrefixHandlerMapping} must choose the same handler as Spring's own
 * lookup. Each route of the service is requested with its variables filled in, from the running
 * mapping and from a plain Spring mapping of the same controllers. Each route is also requested
 * in forms that only the full comparison can judge: encoded, with a path parameter, in upper
 * case and with a trailing slash.
 */
@IntegrationTest
class LiteralPrefixHandlerMappingTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping running;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void runningMappingUsesShortcut() {
        assertThat(running).isInstanceOf(LiteralPrefixHandlerMapping.class);
    }

    @Test
    void everyRouteFindsSameHandler() throws Exception {
        RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
        plain.setApplicationContext(context);
        plain.setEmbeddedValueResolver(new EmbeddedValueResolver(context.getBeanFactory()));
        plain.setPatternParser(running.getPatternParser());
        plain.setContentNegotiationManager(running.getContentNegotiationManager());
        plain.setPathPrefixes(running.getPathPrefixes());
        plain.afterPropertiesSet();

        List<String> compared = new ArrayList<>();
        for (RequestMappingInfo info : running.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = samplePath(pattern.getPatternString());
                for (String variant : variants(path)) {
                    assertThat(lookup(running, method, variant, info))
                            .as("%s %s", method, variant)
                            .isEqualTo(lookup(plain, method, variant, info));
                    compared.add(method + " " + variant);
                }
            }
        }
        assertThat(compared).hasSizeGreaterThan(300).contains("GET /api/files/17/download", "GET /api/items/17");
    }

    @Test
    void literalPrefixStopsAtFirstVariable() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/files/{file_id}/download")).isEqualTo("/api/files/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/items")).isEqualTo("/api/items");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/docs/**")).isEqualTo("/docs/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/a?c")).isEqualTo("/a");
    }

    /** Replaces each variable and wildcard of a route's pattern with a plain segment. */
    private static String samplePath(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "17").replace("**", "x").replace("*", "x").replace("?", "x");
    }

    private static List<String> variants(String path) {
        List<String> variants = new ArrayList<>(List.of(path, path + "/", path.toUpperCase(Locale.ROOT),
                path + ";jsessionid=1"));
        if (path.length() > 1) {
            // "/api/..." with the "a" percent-encoded, which Spring decodes before comparing.
            variants.add("/%" + Integer.toHexString(path.charAt(1)) + path.substring(2));
        }
        return variants;
    }

    /** Returns the chosen handler and its variables, or the class of the exception that the lookup threw. */
    private static String lookup(RequestMappingHandlerMapping mapping, String method, String path,
            RequestMappingInfo info) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", MediaType.ALL_VALUE);
        info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                .ifPresent(type -> request.setContentType(type.toString()));
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "no handler";
            }
            return chain.getHandler() + " " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }
}
