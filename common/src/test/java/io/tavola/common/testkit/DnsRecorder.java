package io.tavola.common.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A DNS server on 127.0.0.1 that writes down every name it is asked for and answers that none exists, so
 * a test can point a service's Vert.x resolver at it ({@code quarkus.vertx.resolver.servers}) and see
 * whether a request costs a lookup (issue 15: a trusted-proxy entry read as a host name cost two per
 * request), without any query leaving the machine.
 */
public final class DnsRecorder {

    private final List<String> names = new CopyOnWriteArrayList<>();
    private DatagramSocket socket;

    private DnsRecorder() {}

    public static DnsRecorder start(Vertx vertx) {
        DnsRecorder dns = new DnsRecorder();
        dns.socket = vertx.createDatagramSocket();
        dns.socket.handler(packet -> {
            Buffer query = packet.data();
            int end = questionEnd(query);
            if (end < 0) {
                return;
            }
            dns.names.add(name(query));
            dns.socket.send(nameError(query, end), packet.sender().port(), packet.sender().host());
        });
        try {
            dns.socket.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the recording DNS server", e);
        }
        return dns;
    }

    /** {@code 127.0.0.1:port}, as {@code quarkus.vertx.resolver.servers} takes it. */
    public String address() {
        return "127.0.0.1:" + socket.localAddress().port();
    }

    /** Every name asked for so far, in order (one entry per query: A and AAAA of a name are two). */
    public List<String> names() {
        return List.copyOf(names);
    }

    public void close() {
        socket.close();
    }

    /** Where the first question ends (after its type and class), or -1 for a packet that is not a query. */
    private static int questionEnd(Buffer query) {
        if (query.length() < 17 || (query.getByte(2) & 0x80) != 0 || query.getUnsignedShort(4) == 0) {
            return -1;
        }
        int at = 12;
        while (at < query.length() && query.getUnsignedByte(at) != 0) {
            at += query.getUnsignedByte(at) + 1;
        }
        return at + 5 <= query.length() ? at + 5 : -1;
    }

    private static String name(Buffer query) {
        StringBuilder name = new StringBuilder();
        int at = 12;
        while (query.getUnsignedByte(at) != 0) {
            int length = query.getUnsignedByte(at);
            name.append(name.length() == 0 ? "" : ".").append(query.getString(at + 1, at + 1 + length));
            at += length + 1;
        }
        return name.toString();
    }

    /** The query's id and question, flagged as an answer (recursion available) with NXDOMAIN, no records. */
    private static Buffer nameError(Buffer query, int questionEnd) {
        Buffer answer = Buffer.buffer().appendBuffer(query, 0, questionEnd);
        answer.setByte(2, (byte) (0x80 | (query.getByte(2) & 0x01)));
        answer.setByte(3, (byte) 0x83);
        answer.setUnsignedShort(4, 1);
        answer.setUnsignedShort(6, 0);
        answer.setUnsignedShort(8, 0);
        answer.setUnsignedShort(10, 0);
        return answer;
    }
}
