package io.tavola.auth.bootstrap;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.tavola.auth.user.User;
import io.tavola.common.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the first master admin from configuration when no account of that name exists. In the prod
 * profile it refuses to start with the development default password.
 */
@ApplicationScoped
public class AdminBootstrap {

    static final String DEV_DEFAULT_PASSWORD = "tavola-dev-admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @ConfigProperty(name = "tavola.admin.username")
    String username;

    @ConfigProperty(name = "tavola.admin.email")
    String email;

    @ConfigProperty(name = "tavola.admin.password")
    String password;

    @ConfigProperty(name = "tavola.auth.bcrypt-cost")
    int cost;

    void onStart(@Observes StartupEvent event) throws Throwable {
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
                    admin.email = email;
                    admin.passwordHash = BcryptUtil.bcryptHash(password, cost);
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
