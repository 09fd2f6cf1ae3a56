package io.tavola.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import io.tavola.common.testkit.RecordedDns;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the default TRUSTED_PROXIES listed the IPv6 loopback as {@code 0:0:0:0:0:0:0:1}, which Quarkus
 * reads as host {@code 0:0:0:0:0:0:0} port 1: every request to auth (which always reads the gateway's
 * X-Forwarded-For, for login throttling) cost a DNS lookup of that name, and a gateway on {@code ::1} was
 * never trusted. The shipped list trusts both loopbacks by address and no one else, without a lookup.
 */
@QuarkusTest
@TestProfile(TrustedProxiesTest.BothLoopbacks.class)
class TrustedProxiesTest {

    private static final String CLIENT = "203.0.113.9";
    private static final String PROBE = "/test/client-address";

    @Test
    void forwardedHeadersAreTrustedFromTheLoopbacksOnlyAndCostNoLookup() throws Exception {
        // (bound to "::", the test URL Quarkus gives REST Assured is no URL: each call names its own)
        assertNoLookup(() -> given().baseUri("http://127.0.0.1").header("X-Forwarded-For", CLIENT).get(PROBE)
                .then().statusCode(200).body(equalTo(CLIENT)));
        assertNoLookup(() -> given().baseUri("http://[::1]").header("X-Forwarded-For", CLIENT).get(PROBE)
                .then().statusCode(200).body(equalTo(CLIENT)));
        // any other address is a client itself, whatever it claims
        assertNoLookup(() -> from("127.0.0.2").baseUri("http://localhost").header("X-Forwarded-For", CLIENT)
                .get(PROBE).then().statusCode(200).body(equalTo("127.0.0.2")));
    }

    private static void assertNoLookup(Runnable call) {
        int asked = RecordedDns.names().size();
        call.run();
        List<String> names = RecordedDns.names();
        assertEquals(List.of(), names.subList(asked, names.size()), "DNS lookups made while checking the proxies");
    }

    private static RequestSpecification from(String address) {
        try {
            return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", InetAddress.getByName(address))));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** The shipped TRUSTED_PROXIES default, reachable from both loopbacks, with the probe below. */
    public static class BothLoopbacks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // "localhost" would bind 127.0.0.1 alone
            return Map.of("quarkus.http.host", "::", "tavola.test.client-address-probe", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RecordedDns.class));
        }
    }

    /**
     * Test only: answers the client address Quarkus resolved for the request, the one auth's login
     * throttling counts by ({@code AuthResource}: {@code request.remoteAddress()}).
     */
    @ApplicationScoped
    static class ClientAddressProbe {
        @ConfigProperty(name = "tavola.test.client-address-probe", defaultValue = "false")
        boolean enabled;

        void register(@Observes Router router) {
            if (enabled) {
                router.get(PROBE).handler(rc -> rc.response().end(rc.request().remoteAddress().hostAddress()));
            }
        }
    }
}
