package io.tavola.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Who uses Tavola during the rush, as operations for the open loop: diners reading menus, guests
 * reading their table's session and ordering with modifiers at many tables, kitchens moving orders
 * along, plus the setup steps (staff logins, guest tokens from QR codes, sessions opened) and the
 * trivial endpoint of the gateway ceiling. Runs on the driver's event loop.
 */
final class Diners {

    /** A guest at one table: its token from the table's QR code and the table's session. */
    static final class Guest {
        final int restaurant;
        final Manifest.Table table;
        final boolean watched;
        String token;
        String sessionId;

        Guest(int restaurant, Manifest.Table table, boolean watched) {
            this.restaurant = restaurant;
            this.table = table;
            this.watched = watched;
        }
    }

    /**
     * Longer than the gateway's own 15 s response timeout: the gateway answers (504) before a client walks
     * away, so a client's impatience never cuts a proxied call off mid-flight.
     */
    private static final long TIMEOUT_MS = 30_000;

    private final Manifest manifest;
    private final String password;
    private final WebClient gateway;
    private final WebClient restaurantDirect;
    private final LiveScreens screens;
    private final SplittableRandom random = new SplittableRandom(15);
    final String[] chefTokens;
    final List<Guest> guests = new ArrayList<>();
    final Guest growthGuest;
    private final ArrayDeque<OrderTrack> kitchenQueue = new ArrayDeque<>();
    private long orderNumber;
    /** The step orders are being placed in now, for the delivery latencies per step. */
    String step = "setup";

    Diners(Manifest manifest, String password, WebClient gateway, WebClient restaurantDirect, LiveScreens screens,
            int guestCount, int watchedCount) {
        this.manifest = manifest;
        this.password = password;
        this.gateway = gateway;
        this.restaurantDirect = restaurantDirect;
        this.screens = screens;
        this.chefTokens = new String[manifest.restaurants().size()];
        int restaurants = manifest.restaurants().size();
        // spread over every restaurant: guest k sits at restaurant k mod R, table k div R
        for (int k = 0; k < guestCount; k++) {
            Manifest.Restaurant r = manifest.restaurants().get(k % restaurants);
            int table = k / restaurants;
            if (table >= r.tables().size() - 1) {
                throw new IllegalArgumentException(guestCount + " guests need more than " + r.tables().size()
                        + " tables per restaurant (the last one is kept for the cost-growth session)");
            }
            guests.add(new Guest(k % restaurants, r.tables().get(table), k < watchedCount));
        }
        Manifest.Restaurant first = manifest.restaurants().get(0);
        growthGuest = new Guest(0, first.tables().get(first.tables().size() - 1), false);
    }

    // --- setup (run a few at a time, with retries: preparation, not measurement) ---------------------

    /** Logs the restaurant's chef in; its token opens the kitchen screen and moves orders along. */
    Future<Integer> staffLogin(int r) {
        JsonObject body = new JsonObject().put("username", manifest.restaurants().get(r).chef()).put("password", password);
        return send(gateway.post("/api/v1/auth/login"), body).map(res -> {
            if (res.statusCode() == 200) {
                chefTokens[r] = res.bodyAsJsonObject().getString("access_token");
            }
            return res.statusCode();
        });
    }

    /** The guest scans the table's QR code: a table-session token from auth. */
    Future<Integer> guestToken(Guest g) {
        return send(gateway.post("/api/v1/auth/guest"), new JsonObject().put("qr_token", g.table.qrToken())).map(res -> {
            if (res.statusCode() == 200) {
                g.token = res.bodyAsJsonObject().getString("access_token");
            }
            return res.statusCode();
        });
    }

    /** The guest opens (or joins) the table's session. */
    Future<Integer> sessionOpen(Guest g) {
        return send(authorized(gateway.post("/api/v1/sessions"), g.token), new JsonObject()).map(res -> {
            if (res.statusCode() == 200 || res.statusCode() == 201) {
                g.sessionId = res.bodyAsJsonObject().getString("id");
            }
            return res.statusCode();
        });
    }

    Future<Integer> kitchenScreen(int r) {
        return screens.kitchen(manifest.restaurants().get(r).id(), chefTokens[r]);
    }

    Future<Integer> sessionScreen(Guest g) {
        return screens.session(g.sessionId, g.token);
    }

    // --- the rush -----------------------------------------------------------------------------------

    /**
     * The ceiling: the cheapest answer a Quarkus service gives through the gateway. A QR code lookup with
     * a token that cannot be one is answered 404 by restaurant at once (no database, no Redis): the
     * gateway's whole path (rate limit in Redis, routing, proxy) plus a Quarkus endpoint, and nothing else.
     * That 404 is this operation's expected answer. (auth's JWKS would be the natural choice, but every
     * request to auth costs ~80 ms on this machine: see the report's notes.)
     */
    Operation trivial() {
        return Operation.of("trivial", seq -> status(gateway.get(TRIVIAL_PATH)).map(s -> s == 404 ? 200 : s));
    }

    private static final String TRIVIAL_PATH = "/api/v1/tables/not-a-qr-code";

    Operation menu() {
        return Operation.of("menu", seq -> status(gateway.get(menuPath())));
    }

    /** The same menu from restaurant itself, without the gateway's hop. */
    Operation menuDirect() {
        return Operation.of("menu-direct", seq -> status(restaurantDirect.get(menuPath())));
    }

    private String menuPath() {
        return "/api/v1/restaurants/" + manifest.restaurants().get(random.nextInt(manifest.restaurants().size())).id()
                + "/menu";
    }

    Operation sessionRead() {
        return Operation.of("session-read", seq -> {
            Guest g = guests.get(random.nextInt(guests.size()));
            return status(authorized(gateway.get("/api/v1/sessions/current"), g.token));
        });
    }

    Operation order() {
        return new Operation("order", (seq, scheduled) -> placeOrder(guests.get(random.nextInt(guests.size())), scheduled,
                true));
    }

    /** Places one order for the guest; kitchens will move it along when {@code forKitchen}. */
    Future<Integer> placeOrder(Guest g, long scheduledNanos, boolean forKitchen) {
        String note = "bench-" + (++orderNumber);
        OrderTrack track = new OrderTrack(note, step, g.restaurant, g.watched, scheduledNanos);
        screens.orders.put(note, track);
        JsonObject body = new JsonObject().put("type", "dine_in").put("note", note).put("items", lines(g.restaurant));
        HttpRequest<Buffer> request = authorized(gateway.post("/api/v1/orders"), g.token)
                .putHeader("Idempotency-Key", UUID.randomUUID().toString());
        return send(request, body).map(res -> {
            if (res.statusCode() == 201) {
                JsonObject order = res.bodyAsJsonObject();
                track.placed = true;
                track.answeredNanos = System.nanoTime();
                track.orderId = order.getString("id");
                track.status = order.getString("status");
                if (forKitchen && "CONFIRMED".equals(track.status)) {
                    kitchenQueue.add(track);
                }
            }
            return res.statusCode();
        });
    }

    /** 1-3 lines, each a random dish, its modifier rules obeyed (a required size, some extras). */
    private JsonArray lines(int restaurant) {
        List<Manifest.Item> items = manifest.restaurants().get(restaurant).items();
        JsonArray lines = new JsonArray();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Manifest.Item item = items.get(random.nextInt(items.size()));
            JsonArray options = new JsonArray();
            for (Manifest.Group group : item.groups()) {
                int n = group.options().size();
                int chosen = group.min() + random.nextInt(Math.min(group.max(), n) - group.min() + 1);
                int offset = random.nextInt(n);
                for (int j = 0; j < chosen; j++) {
                    options.add(group.options().get((offset + j) % n));
                }
            }
            lines.add(new JsonObject().put("menu_item_id", item.id()).put("quantity", 1 + random.nextInt(3))
                    .put("modifier_option_ids", options));
        }
        return lines;
    }

    /** A kitchen moves the oldest waiting order one step: CONFIRMED → PREPARING → READY. */
    Operation advance() {
        return Operation.of("advance", seq -> {
            OrderTrack track = kitchenQueue.poll();
            if (track == null) {
                return Future.succeededFuture(Operation.Outcome.IDLE);
            }
            String next = "CONFIRMED".equals(track.status) ? "PREPARING" : "READY";
            HttpRequest<Buffer> request = authorized(gateway.put("/api/v1/orders/" + track.orderId + "/status"),
                    chefTokens[track.restaurant]);
            return send(request, new JsonObject().put("status", next)).map(res -> {
                if (res.statusCode() == 200) {
                    track.status = next;
                    track.statusAccepted[OrderTrack.statusIndex(next)] = true;
                    if (next.equals("PREPARING")) {
                        kitchenQueue.add(track);
                    }
                }
                return res.statusCode();
            });
        });
    }

    /** One cheap request on the route a phase loads: does it answer again after the phase? */
    Future<Integer> probe(String phase) {
        return switch (phase) {
            case "trivial" -> status(gateway.get(TRIVIAL_PATH)).map(st -> st == 404 ? 200 : st);
            case "menu", "rush", "warm-up" -> status(gateway.get("/api/v1/restaurants/" + manifest.restaurants().get(0).id() + "/menu"));
            case "menu-direct" -> status(restaurantDirect.get("/api/v1/restaurants/" + manifest.restaurants().get(0).id()
                    + "/menu"));
            default -> readSession(guests.get(0));
        };
    }

    /** A guest's read of its own table's session (used to time the read as the session grows). */
    Future<Integer> readSession(Guest g) {
        return status(authorized(gateway.get("/api/v1/sessions/current"), g.token));
    }

    // --- HTTP ------------------------------------------------------------------------------------------

    private static HttpRequest<Buffer> authorized(HttpRequest<Buffer> request, String token) {
        return request.putHeader("Authorization", "Bearer " + token);
    }

    private static Future<Integer> status(HttpRequest<Buffer> request) {
        return request.timeout(TIMEOUT_MS).send().map(HttpResponse::statusCode);
    }

    private static Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, JsonObject body) {
        return request.timeout(TIMEOUT_MS).sendJsonObject(body);
    }
}
