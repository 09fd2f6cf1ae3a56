package io.tavola.bench;

import io.vertx.core.Future;

/**
 * One kind of request the driver sends at a fixed arrival rate. The issuer starts request number
 * {@code seq} of its run, scheduled for {@code scheduledNanos} ({@link System#nanoTime}), and completes
 * with the HTTP status, or one of the {@link Outcome} codes when there was no answer.
 */
record Operation(String name, Issuer issuer) {

    @FunctionalInterface
    interface Issuer {
        Future<Integer> issue(long seq, long scheduledNanos);
    }

    Future<Integer> issue(long seq, long scheduledNanos) {
        return issuer.issue(seq, scheduledNanos);
    }

    static Operation of(String name, java.util.function.LongFunction<Future<Integer>> issue) {
        return new Operation(name, (seq, scheduled) -> issue.apply(seq));
    }

    /** Outcomes that are not HTTP statuses. */
    final class Outcome {
        static final int TIMEOUT = -1;
        static final int CONNECTION = -2;
        /** Not sent: the driver's own limit of requests in flight was reached (the system is far behind). */
        static final int SHED = -3;
        /** Nothing to do this time (no order waiting for the kitchen): neither a request nor an error. */
        static final int IDLE = -4;
        static final int OTHER = -5;

        private Outcome() {}

        static String label(int status) {
            return switch (status) {
                case TIMEOUT -> "timeout";
                case CONNECTION -> "connection";
                case SHED -> "shed";
                case IDLE -> "idle";
                case OTHER -> "failed";
                default -> Integer.toString(status);
            };
        }

        /** What a failed request's exception means. */
        static int of(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof java.util.concurrent.TimeoutException
                        || t.getClass().getSimpleName().contains("Timeout")) {
                    return TIMEOUT;
                }
                if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException
                        || String.valueOf(t.getMessage()).contains("Connection")) {
                    return CONNECTION;
                }
            }
            return OTHER;
        }

        static boolean success(int status) {
            return status >= 200 && status < 300;
        }
    }
}
