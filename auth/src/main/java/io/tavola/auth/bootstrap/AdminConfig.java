package io.tavola.auth.bootstrap;

import io.smallrye.config.ConfigMapping;

/** The first master admin ({@code tavola.admin.*}, from TAVOLA_ADMIN_USERNAME, _EMAIL, _PASSWORD). */
@ConfigMapping(prefix = "tavola.admin")
public interface AdminConfig {

    String username();

    String email();

    String password();
}
