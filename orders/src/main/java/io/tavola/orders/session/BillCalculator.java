package io.tavola.orders.session;

import io.tavola.common.error.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The arithmetic of the bill, in whole cents so no part gains or loses a cent. */
public final class BillCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BillCalculator() {}

    /** The tip from a percentage of the subtotal or a fixed amount (not both). */
    public static BigDecimal tip(BigDecimal subtotal, BigDecimal percent, BigDecimal amount) {
        if (percent != null && amount != null) {
            throw ApiException.invalidField("tip_percent", "give either tip_percent or tip_amount, not both");
        }
        if (percent != null) {
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                throw ApiException.invalidField("tip_percent", "must be between 0 and 100");
            }
            return subtotal.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        }
        if (amount != null) {
            if (amount.signum() < 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
                throw ApiException.invalidField("tip_amount", "must be a non-negative amount with at most two decimals");
            }
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        }
        return BigDecimal.ZERO.setScale(2);
    }

    /** N equal parts; the cents that do not divide evenly go one each to the first parts. */
    public static List<Bill.Part> equal(BigDecimal subtotal, BigDecimal tip, int parts) {
        long[] sub = spread(cents(subtotal), parts);
        long[] tips = spread(cents(tip), parts);
        List<Bill.Part> result = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            result.add(new Bill.Part(i + 1, null, null, money(sub[i]), money(tips[i]), money(sub[i] + tips[i])));
        }
        return result;
    }

    /** One part per diner with what they ordered; the tip is shared in proportion, to the cent. */
    public static List<Bill.Part> byDiner(Map<UUID, BigDecimal> subtotals, BigDecimal tip) {
        long totalCents = subtotals.values().stream().mapToLong(BillCalculator::cents).sum();
        long tipCents = cents(tip);
        List<UUID> diners = new ArrayList<>(subtotals.keySet());
        long[] tips = new long[diners.size()];
        long given = 0;
        for (int i = 0; i < diners.size(); i++) {
            tips[i] = totalCents == 0 ? 0 : tipCents * cents(subtotals.get(diners.get(i))) / totalCents;
            given += tips[i];
        }
        // the few cents lost to rounding down go one each to the first diners
        for (int i = 0; given < tipCents && !diners.isEmpty(); i = (i + 1) % diners.size()) {
            tips[i]++;
            given++;
        }
        List<Bill.Part> result = new ArrayList<>();
        for (int i = 0; i < diners.size(); i++) {
            long sub = cents(subtotals.get(diners.get(i)));
            result.add(new Bill.Part(i + 1, diners.get(i), null, money(sub), money(tips[i]), money(sub + tips[i])));
        }
        return result;
    }

    /**
     * Identical lines on one: the same menu item with the same options (in any order) at the same unit
     * price, wherever and by whomever ordered; quantities and totals added up, in the order dishes first
     * appear. Lines of one item with other options, or priced otherwise (a price changed between two
     * orders), stay apart.
     */
    public static List<Bill.GroupedLine> group(List<Bill.Line> lines) {
        Map<List<Object>, Bill.GroupedLine> groups = new LinkedHashMap<>();
        for (Bill.Line line : lines) {
            List<Object> dish = List.of(line.menuItemId(), line.modifiers().stream()
                    .map(m -> m.optionId().toString()).sorted().toList(), cents(line.unitPrice()));
            groups.merge(dish, new Bill.GroupedLine(line.menuItemId(), line.name(), line.modifiers(), line.quantity(),
                    line.unitPrice(), line.lineTotal()), (same, more) -> new Bill.GroupedLine(same.menuItemId(),
                            same.name(), same.modifiers(), same.quantity() + more.quantity(), same.unitPrice(),
                            same.lineTotal().add(more.lineTotal())));
        }
        return List.copyOf(groups.values());
    }

    private static long[] spread(long cents, int parts) {
        long[] result = new long[parts];
        for (int i = 0; i < parts; i++) {
            result[i] = cents / parts + (i < cents % parts ? 1 : 0);
        }
        return result;
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
