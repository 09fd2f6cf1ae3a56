package io.tavola.orders.testenv;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the service's outbox relay and the machine's RabbitMQ, so a test can take the
 * broker away from this service alone (cut: drop every connection and refuse new ones) and bring it
 * back, without touching the RabbitMQ other tests share.
 */
final class BrokerProxy {

    private final Vertx vertx;
    private final String brokerHost;
    private final int brokerPort;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private NetServer server;

    BrokerProxy(Vertx vertx, String brokerHost, int brokerPort) {
        this.vertx = vertx;
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
    }

    int start() throws Exception {
        NetClient client = vertx.createNetClient();
        server = vertx.createNetServer().connectHandler(inbound -> {
            if (cut) {
                inbound.close();
                return;
            }
            inbound.pause();
            client.connect(brokerPort, brokerHost).onComplete(result -> {
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
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
    }

    void cut() {
        cut = true;
        open.forEach(NetSocket::close);
    }

    void restore() {
        cut = false;
    }
}
