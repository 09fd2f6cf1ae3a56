package io.tavola.auth.bootstrap;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.tavola.auth.AuthConfig;
import io.tavola.auth.user.User;
import io.tavola.common.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates the first master admin from configuration when no account of that name exists. In the prod
 * profile it refuses to start with the development default password.
 */
@ApplicationScoped
public class AdminBootstrap {

    static final String DEV_DEFAULT_PASSWORD = "tavola-dev-admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    AdminConfig firstAdmin;

    @Inject
    AuthConfig auth;

    void onStart(@Observes StartupEvent event) throws Throwable {
        String username = firstAdmin.username();
        String password = firstAdmin.password();
        if (LaunchMode.current() == LaunchMode.NORMAL && DEV_DEFAULT_PASSWORD.equals(password)
                && "prod".equals(io.quarkus.runtime.configuration.ConfigUtils.getProfiles().get(0))) {
            throw new IllegalStateException(
                    "TAVOLA_ADMIN_PASSWORD is the development default; set a real password to run in production");
        }
        // startup thread, not an event loop: waiting here is fine
        Boolean created = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> User.count("lower(username) = lower(?1)", username).chain(count -> {
                    if (count > 0) {
                        return io.smallrye.mutiny.Uni.createFrom().item(false);
                    }
                    User admin = new User();
                    admin.id = UUID.randomUUID();
                    admin.username = username;
                    admin.email = firstAdmin.email();
                    admin.passwordHash = BcryptUtil.bcryptHash(password, auth.bcryptCost());
                    admin.role = Role.MASTER_ADMIN;
                    admin.active = true;
                    admin.verified = true;
                    admin.createdAt = Instant.now();
                    admin.updatedAt = admin.createdAt;
                    return admin.persist().replaceWith(true);
                })));
        if (created) {
            LOG.infof("Created the first master admin '%s'", username);
        }
    }
}
