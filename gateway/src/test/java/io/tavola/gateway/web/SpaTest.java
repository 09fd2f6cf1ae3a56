package io.tavola.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The test profile serves the small app in src/test/resources/spa. */
@QuarkusTest
class SpaTest {

    @Test
    void theAppIsServedAtTheRootWithItsAssets() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("tavola-spa-index"));
        given().get("/assets/app.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("tavola-spa-asset"));
    }

    @Test
    void theAppsFilesAreCompressedForABrowserThatAsks() {
        given().header("Accept-Encoding", "gzip").get("/assets/app.js").then().statusCode(200)
                .header("Content-Encoding", "gzip").body(containsString("tavola-spa-asset"));
        given().header("Accept-Encoding", "gzip").get("/").then().statusCode(200)
                .header("Content-Encoding", "gzip").body(containsString("tavola-spa-index"));
    }

    @Test
    void clientSideRoutesFallBackToIndexHtml() {
        for (String page : new String[] { "/t/qr-abc123", "/kitchen", "/admin", "/admin/menu/items" }) {
            given().get(page).then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("tavola-spa-index"));
        }
    }

    @Test
    void unknownFilesAreNotFoundRatherThanTheApp() {
        given().get("/assets/missing.js").then().statusCode(404).body(not(containsString("tavola-spa-index")));
        given().get("/nothing-here").then().statusCode(404).body(not(containsString("tavola-spa-index")));
    }

    @Test
    void aBrowserOpeningAnUnknownPageGetsTheAppsNotFoundPageWithA404() {
        // what Chromium sends for a typed or followed link: the app answers, and its router says "not found"
        String navigation = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        given().accept(navigation).get("/nothing-here").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("tavola-spa-index"));
        given().accept(navigation).get("/admin-typo/menu").then().statusCode(404).body(containsString("tavola-spa-index"));
        // files and the API stay what they were, even for a browser
        given().accept(navigation).get("/assets/missing.js").then().statusCode(404)
                .body(not(containsString("tavola-spa-index")));
        given().accept(navigation).get("/api/v1/nothing").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theAppShadowsNeitherApiNorHealthNorQuarkusEndpoints() {
        given().get("/api/v1/nothing").then().statusCode(404).contentType("application/problem+json");
        given().get("/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(404).body(not(containsString("tavola-spa-index")));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
        given().get("/ws/kitchen").then().statusCode(not(200));
    }
}
