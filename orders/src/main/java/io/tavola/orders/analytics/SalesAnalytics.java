package io.tavola.orders.analytics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.orders.restaurant.RestaurantProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** Sales figures computed in the database, bucketed by the restaurant's local day and hour. */
@ApplicationScoped
public class SalesAnalytics {

    // native SQL, which the tenant filter does not see: every query names the restaurant itself
    private static final String COUNTED = "o.restaurant_id = ?1 and o.created_at >= ?2 and o.created_at < ?3 "
            + "and o.status not in ('PENDING', 'CANCELLED')";

    @Inject
    Caller caller;

    public Uni<SalesReport> report(UUID requestedRestaurant, String fromText, String toText, int top) {
        UUID restaurantId = caller.staffScope(requestedRestaurant, Role.RESTAURANT_ADMIN);
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (to.isBefore(from)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 366) {
            throw ApiException.invalidField("to", "the range may span at most 366 days");
        }
        if (top < 1 || top > 100) {
            throw ApiException.invalidField("top", "must be between 1 and 100");
        }
        return Panache.withSession(() -> RestaurantProfiles.find(restaurantId).chain(profile -> {
            ZoneId zone = profile == null ? ZoneId.of("UTC") : profile.timeZone();
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            String tz = zone.getId();
            return Panache.getSession().chain(session -> summary(session, restaurantId, start, end)
                    .chain(summary -> byDay(session, restaurantId, start, end, tz, from, to)
                            .chain(days -> byHour(session, restaurantId, start, end, tz)
                                    .chain(hours -> popular(session, restaurantId, start, end, top)
                                            .map(items -> new SalesReport(restaurantId,
                                                    profile == null ? null : profile.currency(), tz, from, to,
                                                    summary, days, hours, items))))));
        }));
    }

    private static Uni<SalesReport.Summary> summary(Mutiny.Session session, UUID rid, Instant start, Instant end) {
        return session.createNativeQuery("select count(*), coalesce(sum(o.total_amount), 0), "
                + "avg(extract(epoch from (o.ready_at - o.preparing_at)) / 60) "
                + "from orders.customer_order o where " + COUNTED, Object[].class)
                .setParameter(1, rid).setParameter(2, start).setParameter(3, end)
                .getSingleResult()
                .map(row -> {
                    long count = ((Number) row[0]).longValue();
                    BigDecimal revenue = money(row[1]);
                    BigDecimal average = count == 0 ? BigDecimal.ZERO.setScale(2)
                            : revenue.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
                    BigDecimal prep = row[2] == null ? null
                            : new BigDecimal(row[2].toString()).setScale(1, RoundingMode.HALF_UP);
                    return new SalesReport.Summary(count, revenue, average, prep);
                });
    }

    private static Uni<List<SalesReport.Day>> byDay(Mutiny.Session session, UUID rid, Instant start, Instant end,
            String tz, LocalDate from, LocalDate to) {
        return session.createNativeQuery("select to_char(o.created_at at time zone ?4, 'YYYY-MM-DD') as day, "
                + "count(*), sum(o.total_amount) from orders.customer_order o where " + COUNTED
                + " group by day", Object[].class)
                .setParameter(1, rid).setParameter(2, start).setParameter(3, end).setParameter(4, tz)
                .getResultList()
                .map(rows -> {
                    Map<LocalDate, Object[]> found = new HashMap<>();
                    rows.forEach(row -> found.put(LocalDate.parse((String) row[0]), row));
                    // every day of the range, also the quiet ones, so a chart has no gaps
                    List<SalesReport.Day> days = new ArrayList<>();
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        Object[] row = found.get(day);
                        days.add(row == null ? new SalesReport.Day(day, 0, BigDecimal.ZERO.setScale(2))
                                : new SalesReport.Day(day, ((Number) row[1]).longValue(), money(row[2])));
                    }
                    return days;
                });
    }

    private static Uni<List<SalesReport.Hour>> byHour(Mutiny.Session session, UUID rid, Instant start, Instant end,
            String tz) {
        return session.createNativeQuery("select cast(extract(hour from o.created_at at time zone ?4) as integer) as hour, "
                + "count(*), sum(o.total_amount) from orders.customer_order o where " + COUNTED
                + " group by hour", Object[].class)
                .setParameter(1, rid).setParameter(2, start).setParameter(3, end).setParameter(4, tz)
                .getResultList()
                .map(rows -> {
                    Map<Integer, Object[]> found = new HashMap<>();
                    rows.forEach(row -> found.put(((Number) row[0]).intValue(), row));
                    List<SalesReport.Hour> hours = new ArrayList<>();
                    for (int hour = 0; hour < 24; hour++) {
                        Object[] row = found.get(hour);
                        hours.add(row == null ? new SalesReport.Hour(hour, 0, BigDecimal.ZERO.setScale(2))
                                : new SalesReport.Hour(hour, ((Number) row[1]).longValue(), money(row[2])));
                    }
                    return hours;
                });
    }

    private static Uni<List<SalesReport.PopularItem>> popular(Mutiny.Session session, UUID rid, Instant start,
            Instant end, int top) {
        return session.createNativeQuery("select i.menu_item_id, (array_agg(i.name order by o.created_at desc))[1], "
                + "sum(i.quantity), sum(i.line_total) from orders.order_item i "
                + "join orders.customer_order o on o.id = i.order_id and o.restaurant_id = i.restaurant_id "
                + "where i.restaurant_id = ?1 and " + COUNTED
                + " group by i.menu_item_id order by sum(i.quantity) desc, sum(i.line_total) desc, i.menu_item_id "
                + "limit ?4", Object[].class)
                .setParameter(1, rid).setParameter(2, start).setParameter(3, end).setParameter(4, top)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new SalesReport.PopularItem((UUID) row[0], (String) row[1],
                        ((Number) row[2]).longValue(), money(row[3]))).toList());
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "is required (a date such as 2026-11-25)");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a date such as 2026-11-25");
        }
    }
}
