package io.allice.platform.shared.persistence;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** The SQL placeholder of a JSON parameter, which differs between the two supported databases. */
public final class JsonParameter {

    private JsonParameter() {
    }

    /**
     * Returns the placeholder for JSON text bound with {@code setString}. PostgreSQL parses it
     * through a cast to jsonb. H2 needs {@code FORMAT JSON}, or it stores a JSON string.
     */
    public static String placeholder(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "H2".equalsIgnoreCase(product) ? "? format json" : "cast(? as jsonb)";
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the service uses", e);
        }
    }
}
