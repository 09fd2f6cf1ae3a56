package io.tavola.common.testkit;

import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.Filter;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Assertions;

/**
 * The guard that a new entity cannot forget tenancy: every entity of a service mapped with a
 * {@code restaurant_id} column carries the tenant filter (or says in {@code untenanted} why it may not).
 * Each database service runs it in its {@code TenancyContractTest}.
 */
public final class TenantFilterContract {

    private TenantFilterContract() {}

    public static void assertEveryTenantEntityFiltered(Mutiny.SessionFactory sessions, Class<?>... untenanted) {
        List<String> missing = new ArrayList<>();
        int filtered = 0;
        for (EntityType<?> entity : sessions.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            if (!hasRestaurantColumn(type) || Arrays.asList(untenanted).contains(type)) {
                continue;
            }
            boolean carries = Arrays.stream(type.getAnnotationsByType(Filter.class))
                    .anyMatch(f -> TenantFilter.NAME.equals(f.name()));
            if (carries) {
                filtered++;
            } else {
                missing.add(type.getName());
            }
        }
        Assertions.assertEquals(List.of(), missing,
                "entities with a restaurant_id column but without @Filter(name = TenantFilter.NAME)");
        Assertions.assertTrue(filtered > 0, "no tenant-owned entity found: is this the service's model?");
    }

    private static boolean hasRestaurantColumn(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column != null && "restaurant_id".equals(column.name())) {
                    return true;
                }
            }
        }
        return false;
    }
}
