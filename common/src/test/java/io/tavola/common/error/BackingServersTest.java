package io.tavola.common.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BackingServersTest {

    @Test
    void aServerThatIsAwayOrRestartingIsUnavailable() {
        assertTrue(BackingServers.isUnavailable(new CompletionException(new ConnectException("Connection refused"))));
        assertTrue(BackingServers.isUnavailable(new RuntimeException("x",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
        assertTrue(BackingServers.isUnavailable(new RuntimeException("FATAL: the database system is starting up (57P03)")));
        assertTrue(BackingServers.isUnavailable(new IllegalStateException(
                "Failed to read any response from the server, the underlying connection may have been lost unexpectedly.")));
    }

    @Test
    void ourOwnMistakesAndTheCallersAreNot() {
        assertFalse(BackingServers.isUnavailable(new NullPointerException()));
        assertFalse(BackingServers.isUnavailable(new RuntimeException("x",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))));
        assertFalse(BackingServers.isUnavailable(new RuntimeException("ERROR: relation \"x\" does not exist (42P01)")));
    }
}
