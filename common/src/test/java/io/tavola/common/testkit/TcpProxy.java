package io.tavola.common.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between the service under test and one of the machine's real servers (RabbitMQ, Redis),
 * so a test can take that server away from this service alone ({@link #cut()}: every relayed
 * connection dropped, new ones closed at once) and bring it back, without stopping the server other
 * tests and CI share.
 */
public final class TcpProxy {

    private final Vertx vertx;
    private final String targetHost;
    private final int targetPort;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private int port;

    private TcpProxy(Vertx vertx, String targetHost, int targetPort) {
        this.vertx = vertx;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Listens on a free local port and relays every connection to {@code targetHost:targetPort}. */
    public static TcpProxy start(Vertx vertx, String targetHost, int targetPort) {
        TcpProxy proxy = new TcpProxy(vertx, targetHost, targetPort);
        NetClient client = vertx.createNetClient();
        NetServer server = vertx.createNetServer().connectHandler(inbound -> proxy.relay(client, inbound));
        try {
            proxy.port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a TCP proxy to " + targetHost + ":" + targetPort, e);
        }
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Like a server that went away: drops every relayed connection and closes new ones at once. */
    public void cut() {
        cut = true;
        open.forEach(NetSocket::close);
    }

    public void restore() {
        cut = false;
    }

    private void relay(NetClient client, NetSocket inbound) {
        if (cut) {
            inbound.close();
            return;
        }
        inbound.pause();
        client.connect(targetPort, targetHost).onComplete(result -> {
            if (result.failed() || cut) {
                inbound.close();
                if (result.succeeded()) {
                    result.result().close();
                }
                return;
            }
            NetSocket outbound = result.result();
            open.add(inbound);
            open.add(outbound);
            inbound.closeHandler(v -> {
                open.remove(inbound);
                outbound.close();
            });
            outbound.closeHandler(v -> {
                open.remove(outbound);
                inbound.close();
            });
            inbound.pipeTo(outbound);
            outbound.pipeTo(inbound);
            inbound.resume();
        });
    }
}
