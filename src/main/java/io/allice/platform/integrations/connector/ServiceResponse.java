package io.allice.platform.integrations.connector;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A successful response of a service.
 *
 * @param status the HTTP status, below 400
 * @param body the parsed JSON body; a missing node when the body was empty
 * @param headers the response headers
 */
public record ServiceResponse(int status, JsonNode body, HttpHeaders headers) {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern NEXT_RELATION = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * Returns the {@code rel="next"} target of an RFC 8288 {@code Link} header, which GitHub and GitLab
     * use for pagination; empty on the last page.
     */
    public Optional<String> nextLink() {
        for (String value : headers.allValues("link")) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher relation = NEXT_RELATION.matcher(link.group(2));
                while (relation.find()) {
                    for (String name : relation.group(1).trim().split("\\s+")) {
                        if (name.equals("next")) {
                            return Optional.of(link.group(1));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
