package io.tavola.common.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseDefaultsTest {

    private static SmallRyeConfig config(String profile, Map<String, String> application) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new DatabaseDefaults(true), new PropertiesConfigSource(application, "application", 250))
                .build();
    }

    @Test
    void aServiceWithTheReactivePostgresClientGetsThem() {
        // common's own class path has the client (an optional dependency): this fails if Quarkus renames the class
        assertTrue(new DatabaseDefaults().getPropertyNames().contains("quarkus.datasource.db-kind"));
    }

    @Test
    void aServiceWithoutADatabaseGetsNone() {
        assertTrue(new DatabaseDefaults(false).getPropertyNames().isEmpty());
        assertEquals(null, new DatabaseDefaults(false).getValue("quarkus.datasource.db-kind"));
    }

    @Test
    void oneDatabaseByAddressAndNameTheTestsTheirOwn() {
        SmallRyeConfig prod = config("prod", Map.of());
        assertEquals("postgresql://127.0.0.1:5432/tavola", prod.getRawValue("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/tavola", prod.getRawValue("quarkus.datasource.jdbc.url"));
        assertEquals("tavola", prod.getRawValue("quarkus.datasource.username"));
        SmallRyeConfig test = config("test", Map.of());
        assertEquals("postgresql://127.0.0.1:5432/tavola_test", test.getRawValue("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/tavola_test", test.getRawValue("quarkus.datasource.jdbc.url"));
    }

    @Test
    void theServicesOwnSettingsAndTheEnvironmentWin() {
        SmallRyeConfig config = config("prod", Map.of("DB_HOST", "postgres", "DB_NAME", "other",
                "quarkus.datasource.reactive.max-size", "5"));
        assertEquals("postgresql://postgres:5432/other", config.getRawValue("quarkus.datasource.reactive.url"));
        assertEquals("5", config.getRawValue("quarkus.datasource.reactive.max-size"));
        assertEquals("validate", config.getRawValue("quarkus.hibernate-orm.schema-management.strategy"));
        assertEquals(100, new DatabaseDefaults(true).getOrdinal());
    }
}
