package io.tavola.restaurant.menu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tavola.common.tenancy.TenantScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The diner menu, public. Served from Redis until a change to the menu or the restaurant; the ETag is
 * a hash of the exact JSON, so a phone that already has this version gets a 304 without a body.
 */
@Path("/api/v1/restaurants/{rid}/menu")
public class PublicMenuResource {

    @Inject
    PublicMenu menu;

    @Inject
    PublicMenuCache cache;

    @Inject
    ObjectMapper json;

    @GET
    public Uni<Response> get(@PathParam("rid") UUID rid, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // public: whoever asks reads the menu of the restaurant the path names, and only that one
        TenantScope.set(TenantScope.of(rid));
        return cache.get(rid).chain(entry -> entry.json() != null ? Uni.createFrom().item(entry.json())
                : menu.build(rid).map(this::write).call(body -> cache.put(rid, entry.version(), body)))
                .map(body -> {
                    String etag = etag(body);
                    Response.ResponseBuilder answer = matches(ifNoneMatch, etag) ? Response.notModified()
                            : Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
                    // diners may keep it but must ask again each time: an 86 shows on the next request
                    return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
                });
    }

    private String write(PublicMenu.View view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("menu not serializable", e);
        }
    }

    static String etag(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match may list several tags, or weak ones (a compressing proxy weakens ours). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }
}
