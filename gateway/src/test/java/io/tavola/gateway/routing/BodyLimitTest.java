package io.tavola.gateway.routing;

import static io.restassured.RestAssured.given;
import static io.tavola.gateway.support.FromAddress.chunkedPost;
import static io.tavola.gateway.support.FromAddress.from;
import static io.tavola.gateway.support.FromAddress.fresh;
import static io.tavola.gateway.support.FromAddress.zeros;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.FromAddress.Answer;
import io.vertx.core.json.JsonObject;
import io.tavola.gateway.support.TestDoubles;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, fault 4: a 20 MB chunked login got 503 "auth is unavailable" and counted against auth's
 * circuit breaker (a few anonymous requests could take login down); a 20 MB chunked order reset the
 * connection. Body limits hold at the gateway for chunked bodies too, and a client's fault never counts
 * as the service's.
 */
@QuarkusTest
class BodyLimitTest {

    private static final long TWENTY_MB = 20L * 1024 * 1024;
    private static final String LOGIN = "{\"username\":\"roma-admin\",\"password\":\"demo-password-1\"}";

    private final UUID restaurant = UUID.randomUUID();

    @Test
    void oversizedChunkedLoginsAre413AndNeverOpenAuthsBreaker() {
        // more than the breaker's window of 10 calls, each from another anonymous client
        for (int i = 0; i < 12; i++) {
            Answer answer = chunkedPost(fresh(), "/api/v1/auth/login", null, TWENTY_MB);
            assertEquals(413, answer.status(), answer.toString());
            assertTrue(answer.headers().contains("Content-Type: application/problem+json"), answer.headers());
            JsonObject problem = new JsonObject(answer.body());
            assertEquals("https://tavola.io/problems/content-too-large", problem.getString("type"));
            assertEquals("The request body may be at most 1 MB", problem.getString("detail"));
        }
        // login still works for everyone else
        from(fresh()).contentType("application/json").body(LOGIN).post("/api/v1/auth/login")
                .then().statusCode(201).body("service", equalTo("auth"));
    }

    @Test
    void anOversizedChunkedOrderIs413NotAReset() {
        String waiter = TestTokens.waiter(restaurant);
        Answer answer = chunkedPost(fresh(), "/api/v1/orders", waiter, TWENTY_MB);
        assertEquals(413, answer.status(), answer.toString());
        assertEquals("https://tavola.io/problems/content-too-large", new JsonObject(answer.body()).getString("type"));
        // with a length announced it is refused the same way
        given().auth().oauth2(waiter).contentType("application/json").body(zeros(TWENTY_MB))
                .post("/api/v1/orders").then().statusCode(413).contentType("application/problem+json");
        // the same connection pool goes on working, and so does the service
        given().auth().oauth2(waiter).get("/api/v1/orders/{id}", UUID.randomUUID()).then().statusCode(200);
    }

    @Test
    void anAnnouncedOversizedBodyIsRefusedBeforeTheServiceIsAsked() {
        String path = "/api/v1/sessions/" + UUID.randomUUID() + "/join";
        given().auth().oauth2(TestTokens.waiter(restaurant)).contentType("application/json")
                .body(new byte[2 * 1024 * 1024]).post(path)
                .then().statusCode(413).contentType("application/problem+json")
                .body("instance", equalTo(path));
        assertFalse(TestDoubles.orders.saw(path));
    }

    @Test
    void imageUploadsHaveTheirOwnLargerLimit() {
        String admin = TestTokens.admin(restaurant);
        int fits = 2 * 1024 * 1024 + 512 * 1024; // above the JSON limit, under the upload limit (3 MB)
        given().auth().oauth2(admin).contentType("image/png").body(zeros(fits))
                .put("/api/v1/restaurants/{rid}/logo", restaurant)
                .then().statusCode(200).body("body_length", equalTo(fits));
        given().auth().oauth2(admin).contentType("image/png").body(zeros(fits))
                .put("/api/v1/restaurants/{rid}/menu-items/{id}/image", restaurant, UUID.randomUUID())
                .then().statusCode(200).body("body_length", equalTo(fits));
        given().auth().oauth2(admin).contentType("image/png").body(zeros(4L * 1024 * 1024))
                .put("/api/v1/restaurants/{rid}/logo", restaurant)
                .then().statusCode(413).body("detail", equalTo("The request body may be at most 3 MB"));
        Answer chunked = chunkedPost(fresh(), "/api/v1/restaurants/" + restaurant + "/logo", admin, 4L * 1024 * 1024);
        assertEquals(413, chunked.status(), chunked.toString());
        // the upload limit is for uploads only
        given().auth().oauth2(admin).contentType("application/json").body(zeros(fits))
                .put("/api/v1/restaurants/{rid}", restaurant).then().statusCode(413);
    }

    @Test
    void clientsThatGoAwayMidUploadAreNotTheServicesFailure() throws Exception {
        String token = TestTokens.customer(UUID.randomUUID());
        for (int i = 0; i < 12; i++) {
            try (Socket socket = new Socket("localhost", 18000)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/feedback HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "400\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[1024]);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100); // the gateway has begun streaming to the service
            }
        }
        given().auth().oauth2(token).get("/api/v1/feedback").then().statusCode(200)
                .body("service", equalTo("customers"));
    }

    /**
     * Issue 15: a client that left while it still owed part of its body kept the service's connection
     * forever (the gateway went on waiting for the rest). The test profile's pool holds 4 connections
     * per service: twice that many abandoned bodies, and a normal call still gets one at once.
     */
    @Test
    void clientsThatLeaveMidBodyGiveTheServicesConnectionBack() throws Exception {
        String token = TestTokens.customer(UUID.randomUUID());
        for (int i = 0; i < 8; i++) {
            try (Socket socket = new Socket("localhost", 18000)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/feedback HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"rating\": 5, ")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create("http://localhost:18000/api/v1/feedback")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"service\":\"customers\""), answer.body());
    }
}
