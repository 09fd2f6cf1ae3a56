package io.tavola.common.error;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure of a backing server (PostgreSQL, Redis, RabbitMQ down, restarting or out of
 * connections; another service behind an open circuit breaker or a timeout) from a failure of our own, by the exceptions' class names and SQLSTATEs through the cause
 * chain, without depending on any driver: the former is a 503 with Retry-After (the caller should try
 * again shortly), never a 500.
 */
public final class BackingServers {

    private static final Set<String> UNREACHABLE = Set.of(
            "java.net.ConnectException",
            "java.net.NoRouteToHostException",
            "java.net.SocketException",
            "java.nio.channels.ClosedChannelException",
            "io.netty.channel.ConnectTimeoutException",
            "io.netty.channel.AbstractChannel$AnnotatedConnectException",
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.vertx.core.net.impl.ConnectionBase$ClosedException",
            // a call to another service that its circuit breaker, timeout or bulkhead refused
            "org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException",
            "org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException",
            "org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException");

    private BackingServers() {}

    /** True when {@code failure} says a backing server could not be reached or answered "not now". */
    public static boolean isUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (UNREACHABLE.contains(t.getClass().getName())) {
                return true;
            }
            String state = t instanceof SQLException sql ? sql.getSQLState() : sqlStateInMessage(t.getMessage());
            // 08: connection exception; 57P01-03: the server is shutting down or starting; 53300: too many connections
            if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Connection was closed") || message.contains("Connection refused")
                    || message.contains("read any response from the server"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** PostgreSQL's errors end with their SQLSTATE in parentheses: {@code FATAL: ... (57P01)}. */
    private static String sqlStateInMessage(String message) {
        if (message == null || message.length() < 7 || !message.endsWith(")")) {
            return null;
        }
        String candidate = message.substring(message.length() - 7);
        return candidate.matches("\\([0-9A-Z]{5}\\)") ? candidate.substring(1, 6) : null;
    }
}
