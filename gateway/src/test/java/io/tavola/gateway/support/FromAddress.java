package io.tavola.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests from a client address of their own (127.0.0.x: any loopback address reaches the gateway), so
 * a test spends per-address budgets (logins, guest mints) no other test touches, as distinct clients do.
 */
public final class FromAddress {

    private static final AtomicInteger NEXT = new AtomicInteger(10 + (int) (ProcessHandle.current().pid() % 100));

    private FromAddress() {}

    /** A loopback address no other call of this run has used. */
    public static String fresh() {
        int n = NEXT.getAndIncrement();
        return "127.0." + (n / 250 % 250 + 1) + "." + (n % 250 + 2);
    }

    public static RequestSpecification from(String address) {
        try {
            InetAddress local = InetAddress.getByName(address);
            return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", local)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** {@code length} zero bytes, produced as read: sent chunked, since its length is not announced. */
    public static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
