package io.tavola.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
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

    /** What a raw request got back: the status (-1 when the connection was cut instead) and the body. */
    public record Answer(int status, String headers, String body) {}

    /**
     * POSTs {@code length} zero bytes as a chunked body (HTTP/1.1, no length announced) from
     * {@code address}, over a plain socket: REST Assured buffers a stream and sends its length, and the
     * JDK's client cannot pick a local address. Reads the answer once the whole body is sent.
     */
    public static Answer chunkedPost(String address, String path, String authorization, long length) {
        try (java.net.Socket socket = new java.net.Socket("localhost", 18000, InetAddress.getByName(address), 0)) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 65536);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:18000\r\nContent-Type: application/json\r\n"
                    + (authorization == null ? "" : "Authorization: Bearer " + authorization + "\r\n")
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                for (long sent = 0; sent < length; sent += chunk.length) {
                    out.write(head);
                    out.write(chunk);
                    out.write(crlf);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException cut) {
                // the server stopped reading; whatever it answered before is still readable, else it was a reset
            }
            String text;
            try {
                text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException reset) {
                return new Answer(-1, "", reset.toString());
            }
            if (!text.startsWith("HTTP/1.1 ")) {
                return new Answer(-1, "", text);
            }
            int split = text.indexOf("\r\n\r\n");
            String headers = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (headers.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), headers, body);
        } catch (java.io.IOException e) {
            return new Answer(-1, "", e.toString());
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = eol < 0 ? 0 : Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    /** {@code length} zero bytes, produced as read. */
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
