package io.tavola.gateway.live;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.security.TokenFacts;
import io.tavola.gateway.security.EdgeTokens;
import io.tavola.gateway.security.EdgeTokens.TokenCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Decides at the HTTP upgrade who may open a live connection, so a refused client never gets a socket:
 * no valid token -> 401; the kitchen of another restaurant, or a role that is not staff -> 403.
 * Whether a token may see a session is the orders service's call, made by the session snapshot.
 */
@ApplicationScoped
public class LiveAccess implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> AUTHORIZATION = UserData.TypedKey.forString("tavola.authorization");
    static final UserData.TypedKey<String> RESTAURANT = UserData.TypedKey.forString("tavola.restaurant");
    static final UserData.TypedKey<Boolean> MASTER = UserData.TypedKey.forBoolean("tavola.master");
    static final UserData.TypedKey<TokenFacts> TOKEN = new UserData.TypedKey<>("tavola.token");

    private final EdgeTokens tokens;

    LiveAccess(EdgeTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return KitchenSocket.ID.equals(endpointId) || SessionSocket.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String pathId = KitchenSocket.ID.equals(context.endpointId()) ? context.pathParam("restaurantId")
                : context.pathParam("sessionId");
        if (!isUuid(pathId)) {
            return CheckResult.rejectUpgrade(404);
        }
        String authorization = context.httpRequest().getHeader("Authorization");
        return tokens.check(authorization).chain(check -> {
            if (!check.valid()) {
                return CheckResult.rejectUpgrade(401);
            }
            boolean master = Role.MASTER.equals(check.role());
            String restaurant = check.claim(Caller.RESTAURANT_CLAIM);
            if (KitchenSocket.ID.equals(context.endpointId()) && !master
                    && !(isStaff(check) && pathId.equalsIgnoreCase(restaurant))) {
                return CheckResult.rejectUpgrade(403);
            }
            context.userData().put(AUTHORIZATION, authorization);
            context.userData().put(MASTER, master);
            context.userData().put(TOKEN, check.facts());
            if (restaurant != null) {
                context.userData().put(RESTAURANT, restaurant);
            }
            return CheckResult.permitUpgrade();
        });
    }

    private static boolean isStaff(TokenCheck check) {
        String role = check.role();
        return Role.ADMIN.equals(role) || Role.CHEF_ROLE.equals(role) || Role.WAITER_ROLE.equals(role);
    }

    static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
