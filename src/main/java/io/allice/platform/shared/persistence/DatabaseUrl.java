package io.allice.platform.shared.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A JDBC URL with its credentials, derived from {@code DATABASE_URL}. Accepts a {@code jdbc:}
 * URL as it is, or the {@code postgresql://user:pass@host:port/db} form that hosting providers
 * hand out, whose user and password are percent-decoded and moved out of the URL.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    @Override
    public String toString() {
        return "DatabaseUrl[" + redactedJdbcUrl() + ", user=" + username + "]";
    }

    /**
     * Returns the JDBC URL with any password in it replaced by {@code ***}, for logs and messages.
     * A {@code jdbc:} URL given as it is may carry one as a parameter or before the host.
     */
    public String redactedJdbcUrl() {
        String redacted = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return URL_PASSWORD.matcher(redacted).replaceAll("$1***@");
    }

    /** Returns the embedded H2 database in file mode under the data directory. */
    public static DatabaseUrl embedded(Path dataDir) {
        Path file = dataDir.resolve("db").resolve("allice").toAbsolutePath();
        return new DatabaseUrl("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    /**
     * Parses a {@code DATABASE_URL} value.
     *
     * @throws IllegalArgumentException when the value is neither a {@code jdbc:} URL nor a
     *     {@code postgres://} or {@code postgresql://} URL with a host and a database name
     */
    public static DatabaseUrl parse(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("jdbc:")) {
            return new DatabaseUrl(trimmed, null, null);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must be a jdbc: URL or a URL like postgresql://user:pass@host:5432/db");
        }
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with jdbc:, postgresql:// or postgres://, not " + scheme + "://");
        }
        if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() <= 1) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must name a host and a database, as in postgresql://user:pass@host:5432/db");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() != -1) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseUrl(jdbc.toString(), username, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
