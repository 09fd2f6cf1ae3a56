package io.tavola.orders.tab;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/**
 * Someone at a table's session, once per person, with the first name they gave. Rows are written by
 * {@link SessionTabs}' upsert; reads go through this mapping, because Hibernate Reactive 3.2 never reuses
 * the plan of a native select (each call added one to the plan cache, issue 15).
 */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "session_diner")
@IdClass(SessionDiner.Key.class)
public class SessionDiner extends PanacheEntityBase {

    /** The primary key (session, person). */
    public static class Key implements Serializable {
        public UUID sessionId;
        public UUID userId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sessionId, key.sessionId)
                    && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, userId);
        }
    }

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "restaurant_id")
    public UUID restaurantId;
    public String role;
    @Column(name = "joined_at")
    public Instant joinedAt;
    public String name;
}
