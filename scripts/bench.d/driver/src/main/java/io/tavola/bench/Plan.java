package io.tavola.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a run does: the arrival rates of each phase's steps (a phase climbs its steps until the system
 * saturates), how long each step lasts, how many guests sit at tables and how many session screens
 * watch. {@code --quick} is the same shape, shorter, for under five minutes in all.
 */
record Plan(String mode, double[] trivial, double[] menu, double[] menuDirect, double[] sessionRead, double[] orders,
        double stepSeconds, double orderStepSeconds, double warmupRate, double warmupSeconds, double rushSeconds,
        int guests, int watchedSessions, int growthOrders, double pauseSeconds) {

    /** Kitchens move orders along at this fraction of the order rate (each request one step). */
    static final double ADVANCE_SHARE = 0.5;

    static Plan of(String mode) {
        return switch (mode) {
            // wide ranges from low rates: a busy machine still gets a first step it can answer, a quiet one
            // climbs to the targets (8,000 menus, 3,000 session reads, 400 and 800 orders a second)
            case "quick" -> new Plan("quick", new double[] {100, 500, 2000, 8000}, new double[] {125, 500, 2000, 8000},
                    new double[0], new double[] {100, 400, 1500, 3000}, new double[] {25, 50, 100, 400, 800},
                    6, 8, 100, 8, 15, 500, 400, 500, 1);
            case "full" -> new Plan("full", new double[] {100, 250, 500, 1000, 2000, 4000, 8000, 16000},
                    new double[] {125, 250, 500, 1000, 2000, 4000, 8000},
                    new double[] {250, 500, 1000, 2000, 4000, 8000, 16000},
                    new double[] {100, 200, 400, 750, 1500, 3000}, new double[] {25, 50, 100, 200, 400, 600, 800},
                    15, 20, 100, 20, 60, 1000, 400, 500, 2);
            default -> throw new IllegalArgumentException("mode is quick or full, not " + mode);
        };
    }

    JsonObject toJson() {
        return new JsonObject().put("mode", mode).put("trivial", array(trivial)).put("menu", array(menu))
                .put("menu_direct", array(menuDirect)).put("session_read", array(sessionRead))
                .put("orders", array(orders)).put("step_s", stepSeconds).put("order_step_s", orderStepSeconds)
                .put("warmup_rps", warmupRate).put("warmup_s", warmupSeconds).put("rush_s", rushSeconds)
                .put("guests", guests).put("session_sockets", watchedSessions).put("growth_orders", growthOrders)
                .put("advance_share", ADVANCE_SHARE);
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
