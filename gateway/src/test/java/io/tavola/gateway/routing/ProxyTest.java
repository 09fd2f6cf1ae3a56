package io.tavola.gateway.routing;

import static io.restassured.RestAssured.given;
import static io.tavola.common.testkit.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tavola.common.security.Role;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.ServiceDouble;
import io.tavola.gateway.support.TestDoubles;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProxyTest {

    private final UUID restaurant = UUID.randomUUID();
    private final String chef = TestTokens.chef(restaurant);

    @Test
    void methodPathQueryHeadersAndStatusPassThrough() {
        Response answer = given().auth().oauth2(chef)
                .header("Idempotency-Key", "key-123")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .contentType("application/json").body("{\"status\":\"CONFIRMED\"}")
                .queryParam("notify", "yes")
                .put("/api/v1/orders/{id}/status", "abc")
                .then().statusCode(200)
                .header("X-Served-By", "orders")
                .header("X-Request-Id", notNullValue())
                .body("service", equalTo("orders"))
                .body("method", equalTo("PUT"))
                .body("path", equalTo("/api/v1/orders/abc/status"))
                .body("query", equalTo("notify=yes"))
                .body("headers.authorization", equalTo("Bearer " + chef))
                .body("headers.idempotency-key", equalTo("key-123"))
                .body("headers.traceparent", startsWith("00-0af7651916cd43dd"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("localhost:18000"))
                .body("body_length", equalTo(22))
                .extract().response();
        // the id the caller gets back is the one the service saw
        assertEquals(answer.header("X-Request-Id"), answer.path("headers.x-request-id"));

        given().auth().oauth2(chef).post("/api/v1/orders").then().statusCode(201).body("method", equalTo("POST"))
                .header("Location", "http://localhost:18000/api/v1/orders/new-id");
        given().auth().oauth2(chef).delete("/api/v1/users/x").then().statusCode(200).body("service", equalTo("auth"));
    }

    @Test
    void requestMetricsAreCountedPerRouteNotPerId() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(chef).get("/api/v1/orders/{id}", id).then().statusCode(200);
        management().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("uri=\"/api/v1/orders\""))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id)));
    }

    @Test
    void forwardingHeadersSentByTheClientAreReplacedNotTrusted() {
        given().auth().oauth2(chef).header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .get("/api/v1/analytics/summary").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-host", equalTo("localhost:18000"))
                .body("headers.x-forwarded-proto", equalTo("http"));
    }

    @Test
    void callersRequestIdIsKeptAndAnUnsafeOneReplaced() {
        given().auth().oauth2(chef).header("X-Request-Id", "trace-me.42").get("/api/v1/analytics/summary")
                .then().statusCode(200).header("X-Request-Id", "trace-me.42")
                .body("headers.x-request-id", equalTo("trace-me.42"));
        given().auth().oauth2(chef).header("X-Request-Id", "bad id\twith spaces").get("/api/v1/analytics/summary")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void eachPrefixReachesItsService() {
        Map<String, String> owners = Map.of(
                "/api/v1/auth/me", "auth", "/api/v1/users", "auth",
                "/api/v1/restaurants/" + restaurant, "restaurant", "/api/v1/tables/qr-1", "restaurant",
                "/api/v1/sessions", "orders", "/api/v1/orders/o-9", "orders", "/api/v1/analytics/summary", "orders",
                "/api/v1/customers/me", "customers", "/api/v1/feedback", "customers");
        owners.forEach((path, service) -> given().auth().oauth2(chef).get(path).then().statusCode(200)
                .body("service", equalTo(service)).body("path", equalTo(path)));
        given().auth().oauth2(chef).get("/api/v1/ordersx").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://tavola.io/problems/not-found"));
    }

    @Test
    void errorStatusesAndConditionalAnswersPassThrough() {
        given().auth().oauth2(chef).header("If-None-Match", "\"v1\"").get("/api/v1/orders/o-1")
                .then().statusCode(304).header("ETag", "\"v1\"");
    }

    @Test
    void malformedJsonProblemOfTheServiceComesBackUnchanged() {
        String body = given().contentType("application/json").body("{\"lines\": [ {oops")
                .post("/api/v1/restaurants/{rid}/menu/quote", restaurant)
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertEquals(TestDoubles.MALFORMED_PROBLEM, body);
    }

    @Test
    void largeBodiesStreamBothWays() {
        // as large as an upload may be (BodyLimitTest: the limits)
        byte[] image = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(image);
        // no Content-Length: the upload goes chunked, as a browser streaming a file may send it
        given().auth().oauth2(TestTokens.admin(restaurant)).contentType("image/png")
                .body(new ByteArrayInputStream(image))
                .put("/api/v1/restaurants/{rid}/logo", restaurant)
                .then().statusCode(200)
                .body("body_length", equalTo(image.length))
                .body("body_sha256", equalTo(ServiceDouble.sha256(image)));
        byte[] download = given().auth().oauth2(chef).get("/api/v1/restaurants/download")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(TestDoubles.DOWNLOAD_BYTES, download.length);
    }

    @Test
    void aSlowUploadIsNotMistakenForASlowService() throws Exception {
        var response = slowUpload();
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"body_length\":6144"), response.body());
    }

    /**
     * A service may answer before it has read the whole body. The response timeout, armed once the body
     * was sent, came after the answer it was for: nothing cancelled it, and a second later it closed the
     * connection under the next call the pool gave it to (a 503 "unavailable" for a healthy service).
     */
    @Test
    void anAnswerBeforeTheWholeBodyLeavesNoTimeoutToCutTheNextCall() throws Exception {
        String path = "/api/v1/restaurants/" + restaurant + "/early";
        try (Socket socket = new Socket("localhost", 18000)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + chef
                    + "\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"name\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 202 Accepted", in.readLine());
            out.write("\"x\"}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> TestDoubles.EARLY_BODIES_ENDED.contains(path));
        }
        // the pool hands out the connection given back last, that one, for longer than the timeout
        var response = slowUpload();
        assertEquals(200, response.statusCode(), response.body());
    }

    /**
     * No length announced (the JDK client may speak HTTP/2 here) and 6 chunks 300 ms apart, longer than the
     * test profile's 1 s response timeout: the whole body still arrives.
     */
    private HttpResponse<String> slowUpload() throws Exception {
        SubmissionPublisher<ByteBuffer> chunks = new SubmissionPublisher<>();
        HttpRequest upload = HttpRequest.newBuilder(
                URI.create("http://localhost:18000/api/v1/restaurants/" + restaurant + "/logo"))
                .header("Authorization", "Bearer " + TestTokens.admin(restaurant))
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(chunks)).build();
        var answer = HttpClient.newHttpClient().sendAsync(upload, BodyHandlers.ofString());
        // a SubmissionPublisher drops what is submitted before the client subscribed
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> chunks.getNumberOfSubscribers() > 0);
        for (int i = 0; i < 6; i++) {
            Thread.sleep(300);
            chunks.submit(ByteBuffer.wrap(new byte[1024]));
        }
        chunks.close();
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void protectedRoutesNeedAValidTokenBeforeTheServiceIsAsked() {
        String path = "/api/v1/orders/" + UUID.randomUUID();
        given().get(path).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://tavola.io/problems/unauthorized"))
                .body("status", equalTo(401)).body("instance", equalTo(path));
        given().auth().oauth2("not-a-jwt").get(path).then().statusCode(401);
        String expired = TestTokens.builder(Role.CHEF, UUID.randomUUID(), restaurant, null)
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign(TestTokens.signingKey());
        given().auth().oauth2(expired).get(path).then().statusCode(401);
        String otherIssuer = TestTokens.builder(Role.CHEF, UUID.randomUUID(), restaurant, null).issuer("https://evil")
                .sign(TestTokens.signingKey());
        given().auth().oauth2(otherIssuer).get(path).then().statusCode(401);
        assertFalse(TestDoubles.orders.saw(path), "the orders service must never see unauthenticated calls");
    }

    @Test
    void dotSegmentsCannotSneakPastTheTokenCheck() {
        String user = "/api/v1/users/" + UUID.randomUUID();
        given().urlEncodingEnabled(false).get(user.replace("/users/", "/tables/%2e%2e/users/")).then().statusCode(401);
        given().urlEncodingEnabled(false).get(user.replace("/users/", "/tables/x/../../users/")).then().statusCode(401);
        assertFalse(TestDoubles.auth.saw(user));
    }

    @Test
    void publicRoutesPassWithoutAToken() {
        String qr = "qr-" + UUID.randomUUID();
        given().contentType("application/json").body("{\"username\":\"a\",\"password\":\"b\"}")
                .post("/api/v1/auth/refresh").then().statusCode(201).body("service", equalTo("auth"));
        given().get("/api/v1/auth/jwks").then().statusCode(200).body("service", equalTo("auth"));
        given().get("/api/v1/restaurants/{rid}/menu", restaurant).then().statusCode(200);
        given().get("/api/v1/restaurants/{rid}/images/{id}", restaurant, UUID.randomUUID()).then().statusCode(200);
        given().get("/api/v1/tables/{qr}", qr).then().statusCode(200).body("path", equalTo("/api/v1/tables/" + qr));
        given().contentType("application/json").body("{\"lines\":[]}")
                .post("/api/v1/restaurants/{rid}/menu/quote", restaurant).then().statusCode(200);
        // but writing the menu is not public
        given().contentType("application/json").body("{}").post("/api/v1/restaurants/{rid}/menu", restaurant)
                .then().statusCode(401);
    }

    @Test
    void aStoppedServiceAnswers503QuicklyAndRecovers() {
        ServiceDouble customers = TestDoubles.customers;
        String token = TestTokens.customer(UUID.randomUUID());
        warmUp();
        customers.stop();
        try {
            for (int i = 0; i < 12; i++) {
                long started = System.nanoTime();
                given().auth().oauth2(token).get("/api/v1/customers/me")
                        .then().statusCode(503).contentType("application/problem+json")
                        .body("type", equalTo("https://tavola.io/problems/service-unavailable"))
                        .body("title", equalTo("Service unavailable"))
                        .body("instance", equalTo("/api/v1/customers/me"))
                        .header("Retry-After", equalTo("5"))
                        .time(lessThan(2000L));
                assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000);
            }
            // the breaker is open now: answered without even trying the service
            given().auth().oauth2(token).get("/api/v1/customers/me").then().statusCode(503)
                    .body("detail", equalTo("The customers service is failing; calls are paused briefly"));
        } finally {
            customers.restart();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).get("/api/v1/customers/me").statusCode() == 200);
    }

    @Test
    void aHungServiceAnswers504QuicklyAndOthersAreUnaffected() {
        warmUp();
        given().auth().oauth2(chef).get("/api/v1/restaurants/slow")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://tavola.io/problems/gateway-timeout"))
                .time(lessThan(2000L));
        given().auth().oauth2(chef).get("/api/v1/analytics/summary").then().statusCode(200);
    }

    /**
     * Issue 15: with every pooled connection to a service taken, a call waited for one without end. The
     * test profile's pool holds 4 connections and a call waits 500 ms for one: then a 504 problem.
     */
    @Test
    void aCallThatFindsEveryConnectionTakenIs504AfterABoundedWait() throws Exception {
        warmUp();
        List<Socket> held = holdEveryRestaurantConnection();
        try {
            long started = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(get("/api/v1/restaurants/" + restaurant), BodyHandlers.ofString());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertEquals(504, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            JsonObject problem = new JsonObject(answer.body());
            assertEquals("https://tavola.io/problems/gateway-timeout", problem.getString("type"));
            assertEquals("The restaurant service is busy: no connection to it came free in time",
                    problem.getString("detail"));
            assertTrue(millis >= 450 && millis < 2000, "answered after " + millis + " ms");
        } finally {
            release(held);
        }
        // the connections held by clients that went away are given back
        HttpResponse<String> after = HTTP.send(get("/api/v1/restaurants/" + restaurant), BodyHandlers.ofString());
        assertEquals(200, after.statusCode(), after.body());
    }

    /** Past the wait queue (4 in the test profile) a call is a 503 at once, and says when to try again. */
    @Test
    void aCallPastTheWaitQueueIs503AtOnce() throws Exception {
        warmUp();
        List<Socket> held = holdEveryRestaurantConnection();
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(HTTP.sendAsync(get("/api/v1/restaurants/" + restaurant), BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                answers.add(call.get(5, TimeUnit.SECONDS));
            }
            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertEquals(List.of(503, 504, 504, 504, 504), statuses);
            HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 503).findFirst().orElseThrow();
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(null));
            assertEquals("The restaurant service is busy: too many calls are waiting for it",
                    new JsonObject(refused.body()).getString("detail"));
        } finally {
            release(held);
        }
        HttpResponse<String> after = HTTP.send(get("/api/v1/restaurants/" + restaurant), BodyHandlers.ofString());
        assertEquals(200, after.statusCode(), after.body());
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A GET of the gateway that gives up after 3 s, so a call that would wait forever fails the test. */
    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:18000" + path)).header("Authorization", "Bearer " + chef)
                .timeout(Duration.ofSeconds(3)).build();
    }

    /**
     * Takes the 4 connections of the test profile's pool to the restaurant service: uploads that have sent
     * a part of their body and go on owing the rest, until {@link #release}.
     */
    private List<Socket> holdEveryRestaurantConnection() throws Exception {
        String path = "/api/v1/restaurants/" + restaurant + "/held";
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Socket socket = new Socket("localhost", 18000);
            held.add(socket);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + chef
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\": ")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> TestDoubles.restaurant.seen().stream()
                .filter(seen -> seen.path().equals(path)).count() == 4);
        return held;
    }

    private static void release(List<Socket> held) throws Exception {
        for (Socket socket : held) {
            socket.close();
        }
    }

    /** The first call of a fresh JVM loads the token key and opens pools; time only what follows. */
    private void warmUp() {
        given().auth().oauth2(chef).get("/api/v1/analytics/summary").then().statusCode(200);
    }
}
