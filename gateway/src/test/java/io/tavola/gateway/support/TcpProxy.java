package io.tavola.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the gateway and a real server (Redis), so a test can take that server away from
 * the gateway, and only from the gateway, without stopping the machine's shared server.
 */
public final class TcpProxy {

    private final Vertx vertx;
    private final String targetHost;
    private final int targetPort;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private NetServer server;
    private int port;

    TcpProxy(Vertx vertx, String targetHost, int targetPort) {
        this.vertx = vertx;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    void start() {
        listen(0);
    }

    public int port() {
        return port;
    }

    /** Closes every relayed connection and refuses new ones, like a server that went away. */
    public synchronized void cut() {
        ServiceDouble.await(server.close());
        open.forEach(NetSocket::close);
        open.clear();
    }

    public synchronized void restore() {
        listen(port);
    }

    private void listen(int wanted) {
        server = ServiceDouble.await(vertx.createNetServer().connectHandler(this::relay).listen(wanted, "localhost"));
        port = server.actualPort();
    }

    private void relay(NetSocket client) {
        client.pause();
        vertx.createNetClient().connect(targetPort, targetHost).onComplete(connected -> {
            if (connected.failed()) {
                client.close();
                return;
            }
            NetSocket target = connected.result();
            open.add(client);
            open.add(target);
            client.closeHandler(v -> {
                open.remove(client);
                target.close();
            });
            target.closeHandler(v -> {
                open.remove(target);
                client.close();
            });
            client.pipeTo(target);
            target.pipeTo(client);
        });
    }
}
