package io.tavola.common.error;

import java.sql.SQLException;

/** Reading database failures without depending on a driver: SQLSTATE codes through the cause chain. */
public final class DatabaseFailures {

    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseFailures() {}

    /** True when a unique index refused the write: a concurrent request got there first. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && isUniqueViolation(suppressed)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
