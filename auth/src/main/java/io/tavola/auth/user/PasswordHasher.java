package io.tavola.auth.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.tavola.auth.AuthConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * bcrypt hashing and checking. Both are deliberately slow, so they run on a worker thread and resume on
 * the caller's Vert.x context (Hibernate Reactive needs that context afterwards).
 */
@ApplicationScoped
public class PasswordHasher {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    @Inject
    Vertx vertx;

    @Inject
    AuthConfig config;

    /** Hash of a password nobody has: checking against it costs what a real check costs. */
    private volatile String decoy;

    public Uni<String> hash(String password) {
        return offload(() -> BcryptUtil.bcryptHash(password, config.bcryptCost()));
    }

    public Uni<Boolean> matches(String password, String hash) {
        return offload(() -> verify(password, hash));
    }

    /** Spends the same time as a real check, for unknown users (no enumeration by timing). */
    public Uni<Boolean> burnTime(String password) {
        return offload(() -> {
            if (decoy == null) {
                decoy = BcryptUtil.bcryptHash("decoy-" + System.nanoTime(), config.bcryptCost());
            }
            verify(password, decoy);
            return false;
        });
    }

    private <T> Uni<T> offload(Callable<T> work) {
        Context context = vertx.getOrCreateContext();
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }

    private static boolean verify(String password, String hash) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            BCryptPassword stored = (BCryptPassword) factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password.toCharArray());
        } catch (Exception e) {
            return false;
        }
    }
}
