package io.tavola.gateway.web;

import static io.restassured.RestAssured.given;
import static io.tavola.gateway.support.FromAddress.from;
import static io.tavola.gateway.support.FromAddress.fresh;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tavola.common.testkit.RecordedDns;
import io.tavola.common.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: behind an ingress (BEHIND_PROXY=true) the default TRUSTED_PROXIES listed the IPv6 loopback as
 * {@code 0:0:0:0:0:0:0:1}, which Quarkus reads as host {@code 0:0:0:0:0:0:0} port 1: every request cost
 * two DNS lookups of that name, and {@code ::1} was never trusted. The default list, as shipped, trusts
 * both loopbacks by address and no one else, without a lookup.
 */
@QuarkusTest
@TestProfile(TrustedProxiesTest.BehindProxy.class)
class TrustedProxiesTest {

    private static final String CLIENT = "203.0.113.7";

    private final String chef = TestTokens.chef(UUID.randomUUID());

    @Test
    void forwardedHeadersAreTrustedFromTheLoopbacksOnlyAndCostNoLookup() {
        // (bound to "::", the test URL Quarkus gives REST Assured is no URL: each call names its own)
        // 127.0.0.1 and ::1: the client they forward for is the one the services hear of
        assertNoLookup(() -> given().baseUri("http://127.0.0.1").auth().oauth2(chef).header("X-Forwarded-For", CLIENT)
                .get("/api/v1/analytics/summary")
                .then().statusCode(200).body("headers.x-forwarded-for", equalTo(CLIENT)));
        assertNoLookup(() -> given().baseUri("http://[::1]").auth().oauth2(chef).header("X-Forwarded-For", CLIENT)
                .get("/api/v1/analytics/summary")
                .then().statusCode(200).body("headers.x-forwarded-for", equalTo(CLIENT)));
        // any other address is a client itself, whatever it claims
        String other = fresh();
        assertNoLookup(() -> from(other).baseUri("http://localhost").auth().oauth2(chef)
                .header("X-Forwarded-For", CLIENT).get("/api/v1/analytics/summary")
                .then().statusCode(200).body("headers.x-forwarded-for", equalTo(other)));
    }

    private static void assertNoLookup(Runnable call) {
        int asked = RecordedDns.names().size();
        call.run();
        List<String> names = RecordedDns.names();
        assertEquals(List.of(), names.subList(asked, names.size()), "DNS lookups made while checking the proxies");
    }

    /** The gateway as Kubernetes runs it (BEHIND_PROXY=true) with the shipped TRUSTED_PROXIES default. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    // both loopbacks reach it: "localhost" would bind 127.0.0.1 alone
                    "quarkus.http.host", "::");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RecordedDns.class));
        }
    }
}
