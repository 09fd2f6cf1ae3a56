package io.tavola.auth;

import static io.tavola.auth.AuthApi.PASSWORD;
import static io.tavola.auth.AuthApi.as;
import static io.tavola.auth.AuthApi.client;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.tavola.auth.token.KeyRing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Access tokens are refused unless auth signed them, unaltered, unexpired, for the right issuer. */
@QuarkusTest
class TokenValidationTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private String validToken() {
        return AuthApi.accessToken(AuthApi.createUser("waiter", UUID.randomUUID()), PASSWORD);
    }

    @Test
    void validTokenIsAccepted() {
        as(validToken()).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey stranger = generator.generateKeyPair().getPrivate();
        String forged = Jwt.issuer("https://tavola.local/auth").subject(UUID.randomUUID().toString())
                .groups("master_admin").expiresAt(Instant.now().plusSeconds(600)).sign(stranger);
        as(forged).get("/api/v1/auth/me").then().statusCode(401);
        as(forged).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String[] parts = validToken().split("\\.");
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        as(header + "." + parts[1] + ".").get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void claimsEditedAfterSigningAreRefused() {
        String[] parts = validToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"waiter\"", "\"master_admin\"");
        String edited = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        as(edited).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        PrivateKey current = KeyUtils.decodePrivateKey(Files.readString(Path.of("target/test-keys/signing-key.pem")));
        String expired = Jwt.issuer("https://tavola.local/auth").subject(UUID.randomUUID().toString())
                .groups("master_admin").issuedAt(Instant.now().minusSeconds(4000))
                .expiresAt(Instant.now().minusSeconds(2000)).jws().keyId(currentKid()).sign(current);
        as(expired).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        PrivateKey current = KeyUtils.decodePrivateKey(Files.readString(Path.of("target/test-keys/signing-key.pem")));
        String foreign = Jwt.issuer("https://evil.example/auth").subject(UUID.randomUUID().toString())
                .groups("master_admin").expiresAt(Instant.now().plusSeconds(600)).jws().keyId(currentKid())
                .sign(current);
        as(foreign).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void jwksPublishesCurrentAndPreviousKeyDuringRotation() throws Exception {
        client().get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys", hasSize(2))
                .body("keys[0].kid", equalTo(currentKid()))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].kty", equalTo("RSA"));
    }

    @Test
    void tokenOfThePreviousKeyStaysValidDuringRotation() throws Exception {
        PrivateKey previous = KeyUtils.decodePrivateKey(
                Files.readString(Path.of("src/test/resources/previous-signing-key.pem")));
        RSAPublicKey previousPublic = (RSAPublicKey) KeyUtils.decodePublicKey(
                Files.readString(Path.of("src/test/resources/previous-public-key.pem")));
        String admin = AuthApi.userId(AuthApi.createUser("waiter", UUID.randomUUID()));
        String token = Jwt.issuer("https://tavola.local/auth").subject(admin).upn("old-token").groups("waiter")
                .claim("restaurant_id", UUID.randomUUID().toString())
                .expiresAt(Instant.now().plusSeconds(600)).jws().keyId(KeyRing.keyId(previousPublic)).sign(previous);
        as(token).get("/api/v1/auth/me").then().statusCode(200);
    }

    private static String currentKid() throws Exception {
        PrivateKey current = KeyUtils.decodePrivateKey(Files.readString(Path.of("target/test-keys/signing-key.pem")));
        var crt = (java.security.interfaces.RSAPrivateCrtKey) current;
        RSAPublicKey pub = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return KeyRing.keyId(pub);
    }
}
