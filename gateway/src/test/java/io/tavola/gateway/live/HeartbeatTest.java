package io.tavola.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.LiveClient;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The test profile beats every second: a peer silent for three beats is dropped. */
@QuarkusTest
class HeartbeatTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    LiveHub hub;

    private final UUID restaurant = UUID.randomUUID();

    @Test
    void aClientThatAnswersPingsStaysAndSeesHeartbeats() throws Exception {
        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurant, TestTokens.chef(restaurant))) {
            kitchen.await(f -> "heartbeat".equals(f.getString("kind")), Duration.ofSeconds(3));
            // well past three beats: its pongs keep it alive
            Thread.sleep(4000);
            assertTrue(kitchen.isOpen());
            assertTrue(kitchen.frames().stream().filter(f -> "heartbeat".equals(f.getString("kind"))).count() >= 4);
        }
    }

    @Test
    void aPeerThatStoppedAnsweringIsDropped() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> hub.size() == 0);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            // a WebSocket handshake, then silence: no pongs, as from a phone that lost its network
            String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws/kitchen/" + restaurant + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + TestTokens.chef(restaurant) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertEquals(12, in.readNBytes(head, 0, 12));
            assertEquals("HTTP/1.1 101", new String(head, StandardCharsets.US_ASCII));

            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> hub.size() == 1);
            Awaitility.await().atMost(Duration.ofSeconds(8)).until(() -> hub.size() == 0);
        }
    }
}
