package io.tavola.restaurant.image;

import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.tenancy.TenantScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Public image bytes (menu pictures, logos) for the diner menu. An image id's bytes never change, so
 * browsers and proxies may keep them for a year.
 */
@Path("/api/v1/restaurants/{rid}/images/{imageId}")
public class ImageResource {

    @Inject
    ImageStore images;

    @GET
    public Uni<Response> get(@PathParam("rid") UUID rid, @PathParam("imageId") UUID imageId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // public: an image of the restaurant the path names (another's id is a 404)
        TenantScope.set(TenantScope.of(rid));
        return images.find(imageId).map(image -> {
            if (image == null) {
                throw ApiException.notFound("Image");
            }
            String etag = "\"" + image.sha256 + "\"";
            Response.ResponseBuilder answer = etag.equals(ifNoneMatch) ? Response.notModified()
                    : Response.ok(image.bytes, image.contentType);
            // its checked type, never sniffed; opened as a page it could run nothing
            return answer.header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header("Content-Disposition", "inline").build();
        });
    }
}
