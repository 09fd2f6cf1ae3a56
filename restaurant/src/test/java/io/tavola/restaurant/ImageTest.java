package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImageTest {

    private static final String ITEM_IMAGE = "/api/v1/restaurants/{rid}/menu-items/{id}/image";

    private static long images(UUID rid) {
        return Tables.count("select count(*) from restaurant.images where restaurant_id = '" + rid + "'");
    }

    @Test
    void uploadedPictureIsServedWithCachingHeadersAndAppearsOnTheMenu() {
        UUID rid = TestData.restaurant("Pictures");
        UUID cat = TestData.category(rid, "Pizze");
        UUID id = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        byte[] png = Images.png();
        String url = as(TestTokens.admin(rid)).contentType("application/octet-stream").body(png)
                .put(ITEM_IMAGE, rid, id).then().statusCode(200)
                .body("image_url", startsWith("/api/v1/restaurants/" + rid + "/images/"))
                .extract().path("image_url");
        Response served = given().get(url);
        served.then().statusCode(200).contentType("image/png")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("Cache-Control", containsString("max-age=31536000")).header("ETag", notNullValue());
        Assertions.assertArrayEquals(png, served.asByteArray());
        given().header("If-None-Match", served.header("ETag")).get(url).then().statusCode(304);
        given().get("/api/v1/restaurants/{rid}/menu", rid).then().statusCode(200)
                .body("categories[0].items[0].image_url", equalTo(url));

        // replacing it stores the new one and drops the old
        String jpegUrl = as(TestTokens.admin(rid)).contentType("image/jpeg").body(Images.jpeg())
                .put(ITEM_IMAGE, rid, id).then().statusCode(200).body("image_url", not(equalTo(url)))
                .extract().path("image_url");
        given().get(jpegUrl).then().statusCode(200).contentType("image/jpeg");
        given().get(url).then().statusCode(404);
        as(TestTokens.admin(rid)).contentType("image/webp").body(Images.webp()).put(ITEM_IMAGE, rid, id).then()
                .statusCode(200);
        Assertions.assertEquals(1, images(rid));
        as(TestTokens.admin(rid)).delete(ITEM_IMAGE, rid, id).then().statusCode(200)
                .body("image_url", org.hamcrest.Matchers.nullValue());
        Assertions.assertEquals(0, images(rid));
        // an image is only reachable under its own restaurant
        String logo = as(TestTokens.admin(rid)).contentType("image/png").body(png)
                .put("/api/v1/restaurants/{rid}/logo", rid).then().statusCode(200)
                .body("logo_url", startsWith("/api/v1/restaurants/" + rid + "/images/")).extract().path("logo_url");
        given().get(logo).then().statusCode(200);
        given().get(logo.replace(rid.toString(), UUID.randomUUID().toString())).then().statusCode(404);
        given().get("/api/v1/restaurants/{rid}/menu", rid).then().body("restaurant.logo_url", equalTo(logo));
    }

    @Test
    void disguisedOrOversizedUploadsAreRefusedAndNothingIsStored() {
        UUID rid = TestData.restaurant("Bad pictures");
        UUID cat = TestData.category(rid, "Pizze");
        UUID id = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        // a script calling itself a PNG
        as(TestTokens.admin(rid)).contentType("image/png").header("Content-Disposition",
                "attachment; filename=\"pizza.png\"").body("<script>alert(1)</script>".getBytes())
                .put(ITEM_IMAGE, rid, id).then().statusCode(415).contentType("application/problem+json");
        // a GIF is an image, but not one we accept
        as(TestTokens.admin(rid)).contentType("image/png").body("GIF89a....".getBytes()).put(ITEM_IMAGE, rid, id)
                .then().statusCode(415);
        // a real PNG header followed by more than 2 MB
        byte[] big = Arrays.copyOf(Images.png(), 2 * 1024 * 1024 + 1);
        as(TestTokens.admin(rid)).contentType("image/png").body(big).put(ITEM_IMAGE, rid, id).then().statusCode(413)
                .contentType("application/problem+json");
        as(TestTokens.admin(rid)).contentType("image/png").body(big).put("/api/v1/restaurants/{rid}/logo", rid)
                .then().statusCode(413);
        as(TestTokens.admin(rid)).contentType("image/png").body(new byte[0]).put(ITEM_IMAGE, rid, id).then()
                .statusCode(400);
        as(TestTokens.chef(rid)).contentType("image/png").body(Images.png()).put(ITEM_IMAGE, rid, id).then()
                .statusCode(403);
        Assertions.assertEquals(0, images(rid));
        as(TestTokens.admin(rid)).get("/api/v1/restaurants/{rid}/menu-items/{id}", rid, id).then()
                .body("image_url", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anImageSignatureInFrontOfHtmlIsRefusedNeverServed() {
        // issue 12, fault 7: the type was taken from the first bytes alone, so this was stored and served
        UUID rid = TestData.restaurant("Polyglots");
        UUID cat = TestData.category(rid, "Pizze");
        UUID id = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes();
        byte[] pngSignature = Arrays.copyOf(Images.png(), 8);
        byte[][] disguised = {
            concat(pngSignature, html),
            concat(Images.png(), html), // a whole PNG with a page after its end
            concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, html),
            concat(Images.jpeg(), html),
            concat("RIFF\u0000\u0000\u0000\u0000WEBP".getBytes(), html),
        };
        for (byte[] upload : disguised) {
            as(TestTokens.admin(rid)).contentType("image/png").body(upload).put(ITEM_IMAGE, rid, id)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://tavola.io/problems/invalid-image"));
            as(TestTokens.admin(rid)).contentType("image/png").body(upload).put("/api/v1/restaurants/{rid}/logo", rid)
                    .then().statusCode(422);
        }
        Assertions.assertEquals(0, images(rid));
        // the real ones still pass
        for (byte[] real : new byte[][] { Images.png(), Images.jpeg(), Images.webp() }) {
            as(TestTokens.admin(rid)).contentType("application/octet-stream").body(real).put(ITEM_IMAGE, rid, id)
                    .then().statusCode(200);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
