package io.tavola.common.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 in the same problem+json shape as every other error (auth is not proactive). */
public class SecurityExceptionMappers {

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(UriInfo uri, HttpHeaders headers) {
        return Problems.response(401, "unauthorized", "Unauthorized",
                "A valid access token is required", null, Map.of("WWW-Authenticate", "Bearer"), uri, headers, null);
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(UriInfo uri, HttpHeaders headers) {
        return Problems.response(403, "forbidden", "Forbidden",
                "Your role may not do this", null, uri, headers);
    }
}
