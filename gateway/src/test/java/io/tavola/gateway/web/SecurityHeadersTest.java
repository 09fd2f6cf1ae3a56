package io.tavola.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tavola.common.testkit.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 12, fault 7: no security headers; index.html cacheable like the hashed assets. */
@QuarkusTest
class SecurityHeadersTest {

    private final UUID restaurant = UUID.randomUUID();

    private static ValidatableResponse hardened(ValidatableResponse answer) {
        return answer.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Permissions-Policy", containsString("camera=()"))
                .header("Cross-Origin-Opener-Policy", "same-origin");
    }

    @Test
    void theAppsPagesAllowNoInlineScriptAndAreNeverCachedStale() {
        java.util.Set<String> nonces = new java.util.HashSet<>();
        for (String page : new String[] { "/", "/index.html", "/kitchen", "/admin/menu", "/t/qr-abc" }) {
            io.restassured.response.Response answer = given().get(page);
            hardened(answer.then().statusCode(200).body(containsString("tavola-spa-index")))
                    .header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
            // inline <style> only with this page's own nonce, which the page names for the app
            String policy = answer.header("Content-Security-Policy");
            java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("style-src 'self' 'nonce-([A-Za-z0-9+/=]{24})';")
                    .matcher(policy);
            org.junit.jupiter.api.Assertions.assertTrue(nonce.find(), policy);
            org.junit.jupiter.api.Assertions.assertEquals(SecurityHeaders.appPolicy(nonce.group(1)), policy);
            answer.then().body(containsString("nonce=\"" + nonce.group(1) + "\""));
            nonces.add(nonce.group(1));
        }
        org.junit.jupiter.api.Assertions.assertEquals(5, nonces.size(), "a fresh nonce for every page");
    }

    @Test
    void hashedAssetsStayImmutable() {
        hardened(given().get("/assets/app.js").then().statusCode(200))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Security-Policy", equalTo(SecurityHeaders.APP_POLICY));
        // a missing asset is not cached for a year
        given().get("/assets/missing-1234.js").then().statusCode(404)
                .header("Cache-Control", not(containsString("immutable")));
    }

    @Test
    void apiAnswersMayLoadNothingAndAreSandboxed() {
        // what a service answered, what the gateway refused itself, and an unknown path
        hardened(given().auth().oauth2(TestTokens.chef(restaurant)).get("/api/v1/orders/{id}", UUID.randomUUID())
                .then().statusCode(200))
                .header("Content-Security-Policy", SecurityHeaders.API_POLICY);
        hardened(given().get("/api/v1/orders/{id}", UUID.randomUUID()).then().statusCode(401))
                .header("Content-Security-Policy", SecurityHeaders.API_POLICY);
        hardened(given().get("/api/v1/nothing").then().statusCode(404))
                .header("Content-Security-Policy", SecurityHeaders.API_POLICY);
        // public images too: opened as a page, an uploaded file can run nothing
        hardened(given().get("/api/v1/restaurants/{rid}/images/{id}", restaurant, UUID.randomUUID())
                .then().statusCode(200))
                .header("Content-Security-Policy", containsString("sandbox"));
    }

    @Test
    void healthAndTheOpenApiDocumentAreHardenedToo() {
        hardened(given().get("/health").then().statusCode(200));
        hardened(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200));
    }
}
