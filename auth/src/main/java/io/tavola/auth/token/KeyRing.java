package io.tavola.auth.token;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import io.tavola.auth.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The RSA keys of token signing. One signing key (from a mounted secret, or generated under
 * {@code var/keys} on first local start) plus any previous public keys still published in the JWKS, so
 * a key can be rotated without logging everyone out: publish the new key beside the old one, switch
 * signing to it, drop the old one after the longest token lifetime.
 */
@Startup
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final List<Map<String, Object>> jwks = new ArrayList<>();

    KeyRing(AuthConfig config) {
        String keysDir = config.keysDir();
        Optional<String> signingKeyFile = config.signingKeyFile();
        Optional<List<String>> previousPublicKeys = config.previousPublicKeys();
        try {
            Path keyFile = signingKeyFile.filter(s -> !s.isBlank()).map(Path::of)
                    .orElseGet(() -> Path.of(keysDir, "signing-key.pem"));
            if (!Files.exists(keyFile)) {
                if (signingKeyFile.filter(s -> !s.isBlank()).isPresent()) {
                    throw new IllegalStateException("signing key file " + keyFile + " does not exist");
                }
                generate(keyFile);
            }
            signingKey = KeyUtils.decodePrivateKey(Files.readString(keyFile));
            RSAPublicKey signingPublic = publicOf(signingKey);
            signingKeyId = keyId(signingPublic);
            jwks.add(jwk(signingPublic, signingKeyId));
            for (String location : previousPublicKeys.orElse(List.of())) {
                if (location.isBlank()) {
                    continue;
                }
                RSAPublicKey previous = (RSAPublicKey) KeyUtils.decodePublicKey(Files.readString(Path.of(location.trim())));
                jwks.add(jwk(previous, keyId(previous)));
            }
            LOG.infof("Signing tokens with key %s; JWKS publishes %d key(s)", signingKeyId, jwks.size());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not load the token signing keys", e);
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    public Map<String, Object> jwks() {
        return Map.of("keys", jwks);
    }

    /** RFC 7638 thumbprint: a stable id derived from the key itself. */
    public static String keyId(RSAPublicKey key) throws java.security.GeneralSecurityException {
        String canonical = "{\"e\":\"" + b64(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + b64(key.getModulus()) + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Map<String, Object> jwk(RSAPublicKey key, String kid) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", b64(key.getModulus()));
        jwk.put("e", b64(key.getPublicExponent()));
        return jwk;
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RSAPublicKey publicOf(PrivateKey key) throws java.security.GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private static void generate(Path keyFile) throws IOException, java.security.GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(keyFile.getParent());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(keyFile, pem);
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the directory is local development only
        }
        LOG.infof("Generated a new local token signing key at %s", keyFile);
    }
}
