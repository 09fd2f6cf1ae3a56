package io.tavola.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Issue 12, fault 9: the merged document declares security, a 4xx and an operationId on every operation. */
class OpenApiEdgeRulesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void publicRoutesSayNoTokenOthersABearerTokenAndEveryOperationMayBeRateLimited() throws Exception {
        ObjectNode paths = (ObjectNode) json.readTree("""
                {"/api/v1/auth/login": {"post": {"operationId": "AuthResource_login", "responses": {"200": {}}}},
                 "/api/v1/restaurants/{rid}/menu": {"get": {"responses": {"200": {}}}},
                 "/api/v1/orders": {"get": {"operationId": "list"}, "post": {"operationId": "list",
                     "security": [{"SecurityScheme": []}], "responses": {"400": {"description": "x"}}}}}
                """);
        ObjectNode components = (ObjectNode) json.readTree("""
                {"securitySchemes": {"SecurityScheme": {"type": "http", "scheme": "bearer"}}}""");

        OpenApiAggregator.declareEdgeRules(paths, components);

        assertEquals("[]", paths.at("/~1api~1v1~1auth~1login/post/security").toString());
        assertEquals("[]", paths.at("/~1api~1v1~1restaurants~1{rid}~1menu/get/security").toString());
        assertEquals("[{\"SecurityScheme\":[]}]", paths.at("/~1api~1v1~1orders/get/security").toString());
        assertEquals("[{\"SecurityScheme\":[]}]", paths.at("/~1api~1v1~1orders/post/security").toString());
        for (String pointer : new String[] { "/~1api~1v1~1auth~1login/post", "/~1api~1v1~1orders/get" }) {
            assertTrue(paths.at(pointer + "/responses/429").isObject(), pointer);
            assertTrue(paths.at(pointer + "/responses/503").isObject(), pointer);
        }
        assertEquals("x", paths.at("/~1api~1v1~1orders/post/responses/400/description").asText());
        // generated where missing, made unique where two services chose the same
        assertEquals("get_api_v1_restaurants_x_menu", paths.at("/~1api~1v1~1restaurants~1{rid}~1menu/get/operationId").asText());
        assertEquals("list", paths.at("/~1api~1v1~1orders/get/operationId").asText());
        assertEquals("list_2", paths.at("/~1api~1v1~1orders/post/operationId").asText());
    }
}
