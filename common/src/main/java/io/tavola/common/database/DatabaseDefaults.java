package io.tavola.common.database;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The datasource settings every database service shares (auth, restaurant, orders, customers): one
 * PostgreSQL database ({@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD};
 * tests {@code DB_TEST_NAME}), the reactive client for the application, Flyway over a small JDBC pool migrating
 * at start, and Hibernate validating the schema against the entities. Each service keeps only its schema in its
 * application.properties.
 *
 * <p>These cannot sit in common's microprofile-config.properties: the gateway has no datasource, and Quarkus
 * warns about every {@code quarkus.datasource.*} key it does not know, at build and at start. So this source,
 * registered through {@code META-INF/services} (Quarkus reads it at build time and at run time), holds them only
 * where the reactive PostgreSQL client is on the class path, the mark of a database service (DESIGN.md's stack
 * brings Hibernate Reactive, Flyway and the JDBC driver with it). Its ordinal, 100, is that of
 * microprofile-config.properties: a service's application.properties (250) and the environment (300) override
 * any of these.
 */
public class DatabaseDefaults implements ConfigSource {

    /** A class of quarkus-reactive-pg-client (a constant, so a native image can resolve the check at build). */
    static final String REACTIVE_PG_CLIENT = "io.quarkus.reactive.pg.client.runtime.PgPoolRecorder";

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            entry("tavola.db.name", "${DB_NAME:tavola}"),
            entry("%test.tavola.db.name", "${DB_TEST_NAME:tavola_test}"),
            entry("quarkus.datasource.db-kind", "postgresql"),
            entry("quarkus.datasource.username", "${DB_USER:tavola}"),
            entry("quarkus.datasource.password", "${DB_PASSWORD:tavola}"),
            entry("quarkus.datasource.reactive.url",
                    "postgresql://${DB_HOST:127.0.0.1}:${DB_PORT:5432}/${tavola.db.name}"),
            entry("quarkus.datasource.reactive.max-size", "20"),
            entry("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://${DB_HOST:127.0.0.1}:${DB_PORT:5432}/${tavola.db.name}"),
            // a small JDBC pool: the application uses the reactive client, JDBC is there for Flyway
            entry("quarkus.datasource.jdbc.min-size", "0"),
            entry("quarkus.datasource.jdbc.max-size", "2"),
            entry("quarkus.flyway.migrate-at-start", "true"),
            entry("quarkus.hibernate-orm.schema-management.strategy", "validate"));

    private final Map<String, String> values;

    public DatabaseDefaults() {
        this(present(REACTIVE_PG_CLIENT));
    }

    DatabaseDefaults(boolean databaseService) {
        this.values = databaseService ? DEFAULTS : Map.of();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, DatabaseDefaults.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public int getOrdinal() {
        return 100;
    }

    @Override
    public String getName() {
        return "tavola-database-defaults";
    }
}
