package io.tavola.orders.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tavola.common.error.ApiException;
import io.tavola.orders.order.OrderView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bill's arithmetic on its own (the HTTP tests cover it only through whole sessions). */
class BillCalculatorTest {

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    private static BigDecimal sum(List<Bill.Part> parts, java.util.function.Function<Bill.Part, BigDecimal> field) {
        return parts.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aTipIsAPercentageOrAnAmountNeverBoth() {
        assertEquals(eur("3.15"), BillCalculator.tip(eur("31.50"), eur("10"), null));
        assertEquals(eur("0.01"), BillCalculator.tip(eur("0.05"), eur("12.5"), null)); // 0.00625 rounds half up
        assertEquals(eur("5.00"), BillCalculator.tip(eur("31.50"), null, eur("5")));
        assertEquals(eur("0.00"), BillCalculator.tip(eur("31.50"), null, null));
        assertThrows(ApiException.class, () -> BillCalculator.tip(eur("10"), eur("10"), eur("1")));
        assertThrows(ApiException.class, () -> BillCalculator.tip(eur("10"), eur("101"), null));
        assertThrows(ApiException.class, () -> BillCalculator.tip(eur("10"), eur("-1"), null));
        assertThrows(ApiException.class, () -> BillCalculator.tip(eur("10"), null, eur("1.005")));
        assertThrows(ApiException.class, () -> BillCalculator.tip(eur("10"), null, eur("-0.01")));
    }

    @Test
    void equalPartsAddUpToTheCentAndTheFirstPartsTakeTheSpareCents() {
        List<Bill.Part> parts = BillCalculator.equal(eur("10.00"), eur("1.00"), 3);
        assertEquals(List.of(eur("3.34"), eur("3.33"), eur("3.33")), parts.stream().map(Bill.Part::subtotal).toList());
        assertEquals(List.of(eur("0.34"), eur("0.33"), eur("0.33")), parts.stream().map(Bill.Part::tip).toList());
        assertEquals(eur("10.00"), sum(parts, Bill.Part::subtotal));
        assertEquals(eur("1.00"), sum(parts, Bill.Part::tip));
        assertEquals(eur("11.00"), sum(parts, Bill.Part::amount));
        assertEquals(List.of(1, 2, 3), parts.stream().map(Bill.Part::part).toList());
    }

    @Test
    void byDinerSharesTheTipInProportionToTheCent() {
        UUID anna = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID carla = UUID.randomUUID();
        Map<UUID, BigDecimal> subtotals = new LinkedHashMap<>();
        subtotals.put(anna, eur("9.50"));
        subtotals.put(ben, eur("2.00"));
        subtotals.put(carla, eur("7.00"));
        List<Bill.Part> parts = BillCalculator.byDiner(subtotals, eur("1.85"));
        assertEquals(List.of(anna, ben, carla), parts.stream().map(Bill.Part::dinerId).toList());
        assertEquals(eur("18.50"), sum(parts, Bill.Part::subtotal));
        assertEquals(eur("1.85"), sum(parts, Bill.Part::tip));
        // 185 cents in proportion 950:200:700 is 95, 20, 70 exactly
        assertEquals(List.of(eur("0.95"), eur("0.20"), eur("0.70")), parts.stream().map(Bill.Part::tip).toList());
        // a tip that does not divide: the cents lost to rounding down go to the first diners
        List<Bill.Part> odd = BillCalculator.byDiner(Map.of(anna, eur("1.00")), eur("0.01"));
        assertEquals(eur("0.01"), odd.get(0).tip());
        Map<UUID, BigDecimal> three = new LinkedHashMap<>();
        three.put(anna, eur("1.00"));
        three.put(ben, eur("1.00"));
        three.put(carla, eur("1.00"));
        List<Bill.Part> split = BillCalculator.byDiner(three, eur("0.10"));
        assertEquals(List.of(eur("0.04"), eur("0.03"), eur("0.03")), split.stream().map(Bill.Part::tip).toList());
    }

    private static OrderView.Modifier option(UUID id, String name, String delta) {
        return new OrderView.Modifier(id, name, eur(delta));
    }

    private static Bill.Line line(UUID item, String name, int quantity, String unitPrice, OrderView.Modifier... picked) {
        BigDecimal unit = eur(unitPrice);
        return new Bill.Line(UUID.randomUUID(), UUID.randomUUID(), item, name, quantity, unit, List.of(picked),
                unit.multiply(BigDecimal.valueOf(quantity)));
    }

    @Test
    void identicalDishesShareALineWhateverOrderTheirOptionsWereChosenIn() {
        UUID pizza = UUID.randomUUID();
        UUID water = UUID.randomUUID();
        OrderView.Modifier large = option(UUID.randomUUID(), "Large", "2.00");
        OrderView.Modifier olives = option(UUID.randomUUID(), "Olives", "0.50");
        List<Bill.GroupedLine> grouped = BillCalculator.group(List.of(
                line(pizza, "Margherita", 1, "12.00", large, olives),
                line(water, "Water", 1, "2.00"),
                line(pizza, "Margherita", 2, "12.00", olives, large),
                line(pizza, "Margherita", 1, "9.50"),
                line(water, "Water", 1, "2.00")));
        assertEquals(List.of("Margherita", "Water", "Margherita"), grouped.stream().map(Bill.GroupedLine::name).toList());
        assertEquals(List.of(3, 2, 1), grouped.stream().map(Bill.GroupedLine::quantity).toList());
        assertEquals(List.of(eur("36.00"), eur("4.00"), eur("9.50")),
                grouped.stream().map(Bill.GroupedLine::lineTotal).toList());
        // the options as the dish was first ordered, with their price deltas
        assertEquals(List.of(large, olives), grouped.get(0).modifiers());
        assertEquals(List.of(), grouped.get(1).modifiers());
        assertEquals(List.of(), grouped.get(2).modifiers());
    }

    @Test
    void aDishPricedOtherwiseOrWithOtherOptionsKeepsItsOwnLine() {
        UUID pizza = UUID.randomUUID();
        OrderView.Modifier large = option(UUID.randomUUID(), "Large", "2.00");
        OrderView.Modifier small = option(UUID.randomUUID(), "Small", "0.00");
        List<Bill.GroupedLine> grouped = BillCalculator.group(List.of(
                line(pizza, "Margherita", 1, "11.50", large),
                line(pizza, "Margherita", 1, "12.00", large),   // the price changed between two orders
                line(pizza, "Margherita", 1, "9.50", small),
                line(pizza, "Margherita", 1, "11.5", large)));  // the same price at another scale
        assertEquals(List.of(2, 1, 1), grouped.stream().map(Bill.GroupedLine::quantity).toList());
        assertEquals(List.of(eur("23.00"), eur("12.00"), eur("9.50")),
                grouped.stream().map(Bill.GroupedLine::lineTotal).toList());
        assertEquals(List.of(), BillCalculator.group(List.of()));
    }

    @Test
    void groupedLinesAddUpToTheSubtotalToTheCent() {
        UUID bread = UUID.randomUUID();
        List<Bill.Line> lines = List.of(line(bread, "Bread", 1, "0.10"), line(bread, "Bread", 1, "0.10"),
                line(bread, "Bread", 1, "0.10"));
        List<Bill.GroupedLine> grouped = BillCalculator.group(lines);
        assertEquals(1, grouped.size());
        assertEquals(eur("0.30"), grouped.get(0).lineTotal());
        assertEquals(3, grouped.get(0).quantity());
    }

    @Test
    void byDinerPartsCarryNoNameUntilTheBillGivesThem() {
        UUID anna = UUID.randomUUID();
        List<Bill.Part> parts = BillCalculator.byDiner(Map.of(anna, eur("3.00")), eur("0.30"));
        assertEquals(null, parts.get(0).name());
        Bill.Part named = parts.get(0).named("Anna");
        assertEquals("Anna", named.name());
        assertEquals(parts.get(0).amount(), named.amount());
        assertEquals(anna, named.dinerId());
    }

    @Test
    void nothingOrderedMeansNoTipShare() {
        UUID anna = UUID.randomUUID();
        List<Bill.Part> parts = BillCalculator.byDiner(Map.of(anna, eur("0.00")), eur("0.00"));
        assertEquals(eur("0.00"), parts.get(0).amount());
    }
}
