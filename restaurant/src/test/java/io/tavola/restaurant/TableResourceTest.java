package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TableResourceTest {

    private static final String PATH = "/api/v1/restaurants/{rid}/tables";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void qrPngDecodesToTheDinerUrlAndRotationRetiresTheOldToken() throws Exception {
        UUID rid = TestData.restaurant("QR Trattoria");
        String id = as(TestTokens.admin(rid))
                .body(Map.of("table_number", "12", "label", "Terrace 12", "capacity", 4, "zone", "terrace"))
                .post(PATH, rid).then().statusCode(201).header("Location", containsString("/tables/"))
                .body("status", equalTo("available")).body("is_active", equalTo(true))
                .body("qr_token", matchesPattern("[A-Za-z0-9_-]{32}"))
                .extract().path("id");
        String token = as(TestTokens.waiter(rid)).get(PATH + "/{id}", rid, id).then().statusCode(200)
                .extract().path("qr_token");
        String url = "http://localhost:8000/t/" + token;

        byte[] png = as(TestTokens.admin(rid)).get(PATH + "/{id}/qr.png", rid, id).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        Assertions.assertEquals(url, decoded);
        // the label is printed in a white band under the code (issue 17)
        Assertions.assertEquals(512, image.getWidth());
        Assertions.assertTrue(image.getHeight() > image.getWidth(), "a band under the code");
        Assertions.assertTrue(darkPixels(image, image.getWidth(), image.getHeight()) > 200, "the label's text is drawn");
        as(TestTokens.chef(rid)).get(PATH + "/{id}/qr.svg", rid, id).then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).body(startsWith("<svg"));

        given().get("/api/v1/tables/{token}", token).then().statusCode(200)
                .body("restaurant_id", equalTo(rid.toString())).body("table_id", equalTo(id))
                .body("table_number", equalTo("12")).body("label", equalTo("Terrace 12"))
                .body("restaurant_name", equalTo("QR Trattoria")).body("currency", equalTo("EUR"));

        String rotated = as(TestTokens.admin(rid)).post(PATH + "/{id}/qr-token/rotate", rid, id).then()
                .statusCode(200).body("qr_token", not(equalTo(token))).extract().path("qr_token");
        given().get("/api/v1/tables/{token}", token).then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/tables/{token}", rotated).then().statusCode(200).body("table_id", equalTo(id));
        byte[] newPng = as(TestTokens.admin(rid)).get(PATH + "/{id}/qr.png", rid, id).then().extract().asByteArray();
        Assertions.assertEquals("http://localhost:8000/t/" + rotated, new QRCodeReader().decode(new BinaryBitmap(
                new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(newPng))))))
                .getText());
    }

    @Test
    void lookupIs404ForUnknownInactiveOrDeactivatedRestaurant() {
        UUID rid = TestData.restaurant("Lookup");
        String id = TestData.table(rid, "1").toString();
        String token = as(TestTokens.admin(rid)).get(PATH + "/{id}", rid, id).then().extract().path("qr_token");
        given().get("/api/v1/tables/{token}", "x".repeat(32)).then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/tables/{token}", "../etc").then().statusCode(404);
        as(TestTokens.admin(rid)).body(Map.of("table_number", "1", "capacity", 4, "is_active", false))
                .put(PATH + "/{id}", rid, id).then().statusCode(200).body("is_active", equalTo(false));
        given().get("/api/v1/tables/{token}", token).then().statusCode(404);
        as(TestTokens.admin(rid)).body(Map.of("table_number", "1", "capacity", 4)).put(PATH + "/{id}", rid, id)
                .then().statusCode(200);
        given().get("/api/v1/tables/{token}", token).then().statusCode(200);
        as(TestTokens.master()).body(Map.of("is_active", false)).patch("/api/v1/restaurants/{rid}", rid).then()
                .statusCode(200);
        given().get("/api/v1/tables/{token}", token).then().statusCode(404);
    }

    @Test
    void waitersChangeStatusOnlyAdminsManageTables() {
        UUID rid = TestData.restaurant("Floor");
        UUID id = TestData.table(rid, "7");
        as(TestTokens.waiter(rid)).body(Map.of("status", "occupied")).put(PATH + "/{id}/status", rid, id).then()
                .statusCode(200).body("status", equalTo("occupied"));
        as(TestTokens.admin(rid)).body(Map.of("status", "cleaning")).patch(PATH + "/{id}/status", rid, id).then()
                .statusCode(200).body("status", equalTo("cleaning"));
        as(TestTokens.chef(rid)).body(Map.of("status", "available")).put(PATH + "/{id}/status", rid, id).then()
                .statusCode(403).contentType(PROBLEM);
        for (String token : new String[] { TestTokens.waiter(rid), TestTokens.chef(rid) }) {
            as(token).body(Map.of("table_number", "8", "capacity", 2)).post(PATH, rid).then().statusCode(403);
            as(token).body(Map.of("table_number", "8", "capacity", 2)).put(PATH + "/{id}", rid, id).then()
                    .statusCode(403);
            as(token).post(PATH + "/{id}/qr-token/rotate", rid, id).then().statusCode(403);
            as(token).delete(PATH + "/{id}", rid, id).then().statusCode(403);
        }
        as(TestTokens.chef(rid)).get(PATH, rid).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].status", equalTo("cleaning")).body("items[0].label", equalTo("Table 7"));
        as(TestTokens.admin(rid)).body(Map.of("table_number", "7", "capacity", 2)).post(PATH, rid).then()
                .statusCode(409).contentType(PROBLEM);
        as(TestTokens.admin(rid)).delete(PATH + "/{id}", rid, id).then().statusCode(204);
        as(TestTokens.admin(rid)).get(PATH + "/{id}", rid, id).then().statusCode(404);
    }

    /** Repeated: eight simultaneous submits usually race past the number check; the database decides. */
    @RepeatedTest(3)
    void concurrentDoubleSubmitCreatesOneTableAndAnswers409ToTheRest() throws Exception {
        UUID rid = TestData.restaurant("Double submit");
        String admin = TestTokens.admin(rid);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.Callable<Integer> submit = () -> as(admin)
                    .body(Map.of("table_number", "21", "capacity", 2)).post(PATH, rid).statusCode();
            var answers = pool.invokeAll(java.util.Collections.nCopies(8, submit));
            java.util.List<Integer> codes = new java.util.ArrayList<>();
            for (var answer : answers) {
                codes.add(answer.get());
            }
            Assertions.assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
            Assertions.assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdown();
        }
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.dining_tables where restaurant_id = '"
                + rid + "'"));
    }

    @Test
    void qrSheetIsPrintableHtmlWithEveryActiveTable() {
        UUID rid = TestData.restaurant("Sheet");
        TestData.table(rid, "1");
        as(TestTokens.admin(rid)).body(Map.of("table_number", "2", "label", "Garden <2>", "capacity", 2))
                .post(PATH, rid).then().statusCode(201);
        as(TestTokens.admin(rid)).body(Map.of("table_number", "3", "label", "Stored away", "capacity", 2,
                "is_active", false)).post(PATH, rid).then().statusCode(201);
        String html = as(TestTokens.admin(rid)).get(PATH + "/qr-sheet", rid).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        Assertions.assertTrue(html.startsWith("<!DOCTYPE html>"));
        Assertions.assertEquals(2, html.split("<svg", -1).length - 1, html);
        Assertions.assertTrue(html.contains("Table 1"));
        Assertions.assertTrue(html.contains("Garden &lt;2&gt;"), "labels are escaped");
        Assertions.assertFalse(html.contains("Stored away"));
    }

    @Test
    void otherRestaurantsCallersGet404AndChangeNothing() {
        UUID a = TestData.restaurant("Tables A");
        UUID b = TestData.restaurant("Tables B");
        UUID id = TestData.table(a, "1");
        String token = as(TestTokens.admin(a)).get(PATH + "/{id}", a, id).then().extract().path("qr_token");
        for (String caller : TestData.outsiders(b)) {
            as(caller).get(PATH, a).then().statusCode(404).contentType(PROBLEM);
            as(caller).get(PATH + "/{id}", a, id).then().statusCode(404);
            as(caller).body(Map.of("table_number", "99", "capacity", 2)).post(PATH, a).then().statusCode(404);
            as(caller).body(Map.of("table_number", "1", "capacity", 9)).put(PATH + "/{id}", a, id).then()
                    .statusCode(404);
            as(caller).body(Map.of("status", "occupied")).put(PATH + "/{id}/status", a, id).then().statusCode(404);
            as(caller).body(Map.of("status", "occupied")).patch(PATH + "/{id}/status", a, id).then().statusCode(404);
            as(caller).post(PATH + "/{id}/qr-token/rotate", a, id).then().statusCode(404);
            as(caller).get(PATH + "/{id}/qr.png", a, id).then().statusCode(404);
            as(caller).get(PATH + "/{id}/qr.svg", a, id).then().statusCode(404);
            as(caller).get(PATH + "/qr-sheet", a).then().statusCode(404);
            as(caller).delete(PATH + "/{id}", a, id).then().statusCode(404);
        }
        as(TestTokens.admin(b)).get(PATH + "/{id}/qr.png", b, id).then().statusCode(404);
        as(TestTokens.admin(b)).post(PATH + "/{id}/qr-token/rotate", b, id).then().statusCode(404);
        as(TestTokens.waiter(b)).body(Map.of("status", "occupied")).put(PATH + "/{id}/status", b, id).then()
                .statusCode(404);
        as(TestTokens.admin(a)).get(PATH + "/{id}", a, id).then().statusCode(200)
                .body("qr_token", equalTo(token)).body("status", equalTo("available")).body("capacity", equalTo(4));
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.dining_tables where restaurant_id = '"
                + a + "'"));
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        UUID rid = TestData.restaurant("Bad tables");
        as(TestTokens.admin(rid)).body(Map.of("table_number", "", "capacity", 2)).post(PATH, rid).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("table_number"));
        as(TestTokens.admin(rid)).body(Map.of("table_number", "1", "capacity", 0)).post(PATH, rid).then()
                .statusCode(400).body("errors.field", hasItem("capacity"));
        as(TestTokens.admin(rid)).body(Map.of("table_number", "1", "capacity", 2, "status", "dirty")).post(PATH, rid)
                .then().statusCode(400).body("errors.field", hasItem("status"));
        as(TestTokens.admin(rid)).body("{\"table_number\": \"1\", \"capacity\": \"four\"}").post(PATH, rid).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("capacity"));
        Assertions.assertEquals(0, Tables.count("select count(*) from restaurant.dining_tables where restaurant_id = '"
                + rid + "'"));
        UUID id = TestData.table(rid, "1");
        as(TestTokens.waiter(rid)).body(Map.of("status", "lost")).put(PATH + "/{id}/status", rid, id).then()
                .statusCode(400).body("errors.field", hasItem("status"));
        as(TestTokens.waiter(rid)).body("{}").put(PATH + "/{id}/status", rid, id).then()
                .statusCode(400).body("errors.field", hasItem("status"));
        as(TestTokens.admin(rid)).queryParam("size", 10).get(PATH + "/{id}/qr.png", rid, id).then().statusCode(400)
                .body("errors.field", hasItem("size"));
        as(TestTokens.admin(rid)).get(PATH + "/{id}", rid, id).then().body("status", equalTo("available"));
    }

    /** Dark pixels in the band below the square code: the printed label. */
    static int darkPixels(java.awt.image.BufferedImage image, int codeHeight, int bottom) {
        int dark = 0;
        for (int y = codeHeight; y < bottom; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void qrPngLabelShrinksToFitAndScalesWithSize() throws Exception {
        UUID rid = TestData.restaurant("QR Labels");
        String id = as(TestTokens.admin(rid)).body(Map.of("table_number", "77",
                "label", "Terrazza panoramica sul lago, tavolo settantasette", "capacity", 4))
                .post(PATH, rid).then().statusCode(201).extract().path("id");
        for (int size : new int[] { 128, 1024 }) {
            byte[] png = as(TestTokens.waiter(rid)).queryParam("size", size).get(PATH + "/{id}/qr.png", rid, id)
                    .then().statusCode(200).contentType("image/png").extract().asByteArray();
            var image = ImageIO.read(new ByteArrayInputStream(png));
            Assertions.assertEquals(size, image.getWidth());
            Assertions.assertTrue(image.getHeight() > size);
            Assertions.assertTrue(darkPixels(image, size, image.getHeight()) > 0);
            // nothing of the long label runs off the edges
            for (int y = size; y < image.getHeight(); y++) {
                Assertions.assertEquals(0xffffff, image.getRGB(0, y) & 0xffffff);
                Assertions.assertEquals(0xffffff, image.getRGB(size - 1, y) & 0xffffff);
            }
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image)))).getText();
            Assertions.assertTrue(decoded.startsWith("http://localhost:8000/t/"));
        }
    }
}
