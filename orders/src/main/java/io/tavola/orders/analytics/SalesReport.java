package io.tavola.orders.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Sales of one restaurant over local dates {@code from}..{@code to} (inclusive) in its time zone.
 * Orders count once the restaurant accepted them (not PENDING, not CANCELLED), at the time they were placed.
 */
public record SalesReport(UUID restaurantId, String currency, String timeZone, LocalDate from, LocalDate to,
        Summary summary, List<Day> byDay, List<Hour> byHour, List<PopularItem> popularItems) {

    /** {@code averagePreparationMinutes} is from PREPARING to READY, null when nothing was prepared. */
    public record Summary(long orderCount, BigDecimal revenue, BigDecimal averageTicket,
            BigDecimal averagePreparationMinutes) {}

    public record Day(LocalDate date, long orderCount, BigDecimal revenue) {}

    /** Hour of the day (0-23, local time) over the whole range: when the restaurant is busy. */
    public record Hour(int hour, long orderCount, BigDecimal revenue) {}

    public record PopularItem(UUID menuItemId, String name, long quantity, BigDecimal revenue) {}
}
