package io.allice.platform.integrations.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.allice.platform.integrations.connector.Connector;
import io.allice.platform.integrations.connector.ImportedRecord;
import io.allice.platform.integrations.connector.OAuthFlow;
import io.allice.platform.integrations.connector.OAuthFlow.ClientAuthentication;
import io.allice.platform.integrations.connector.RecordSink;
import io.allice.platform.integrations.connector.ServiceCallException;
import io.allice.platform.integrations.connector.ServiceClient;
import io.allice.platform.integrations.connector.ServiceName;
import io.allice.platform.integrations.connector.SyncRequest;
import io.allice.platform.integrations.connector.TokenRejectedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * LinkedIn through Sign In with LinkedIn using OpenID Connect: the member's profile from
 * {@code GET /v2/userinfo} becomes one {@code linkedin_profile} item.
 *
 * <p>NOTE: {@link #revoke} is not overridden, because the LinkedIn OAuth documentation consulted
 * names no revocation endpoint for member tokens. A member withdraws access in LinkedIn's
 * settings, and the token otherwise lapses when it expires.
 */
@Component
public class LinkedInConnector implements Connector {

    private static final String USERINFO = "/v2/userinfo";

    @Override
    public ServiceName service() {
        return ServiceName.LINKEDIN;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api.linkedin.com";
    }

    /**
     * Requests the OpenID Connect scopes {@code openid}, {@code profile} and {@code email}.
     * LinkedIn takes the client id and secret as form parameters. It offers PKCE only to native
     * apps with loopback redirects, enabled on request, so the web flow goes without it.
     */
    @Override
    public Optional<OAuthFlow> oauth() {
        return Optional.of(new OAuthFlow("https://www.linkedin.com/oauth/v2/authorization",
                "https://www.linkedin.com/oauth/v2/accessToken", List.of("openid", "profile", "email"), " ", false,
                ClientAuthentication.FORM, Map.of()));
    }

    /** Returns the member's e-mail address, or the name when the token lacks the email scope. */
    @Override
    public String identify(ServiceClient client) {
        JsonNode member = userinfo(client);
        String email = RecordFields.text(member, "email");
        if (email != null) {
            return email;
        }
        String name = displayName(member);
        return name == null ? RecordFields.text(member, "sub") : name;
    }

    /**
     * Reads the member profile, a single record. The userinfo endpoint has no paging and no
     * filter for changes, so every sync, incremental included, reads it whole and keeps no cursor.
     */
    @Override
    public Map<String, String> sync(ServiceClient client, SyncRequest request, RecordSink sink) {
        JsonNode member = userinfo(client);
        String sub = RecordFields.text(member, "sub");
        String name = displayName(member);
        // The userinfo response carries no profile URL and no time of the last change.
        sink.accept(new ImportedRecord("profile", sub, name == null ? sub : name, null, member, null, null));
        return Map.of();
    }

    /**
     * Reads the userinfo endpoint, treating 403 as a rejected token, because LinkedIn returns
     * 403 there when the token lacks the {@code openid} or {@code profile} scope.
     */
    private JsonNode userinfo(ServiceClient client) {
        JsonNode member;
        try {
            member = client.get(USERINFO, Map.of()).body();
        } catch (ServiceCallException e) {
            if (e.status() == 403) {
                throw new TokenRejectedException(service(), e.getMessage());
            }
            throw e;
        }
        if (RecordFields.text(member, "sub") == null) {
            throw new ServiceCallException(service(), 200, "LinkedIn returned GET " + USERINFO + " without a member id (sub)");
        }
        return member;
    }

    private static String displayName(JsonNode member) {
        String name = RecordFields.text(member, "name");
        if (name != null) {
            return name;
        }
        String given = RecordFields.text(member, "given_name");
        String family = RecordFields.text(member, "family_name");
        if (given == null || family == null) {
            return given == null ? family : given;
        }
        return given + " " + family;
    }
}
