package io.tavola.gateway.spa;

import io.smallrye.config.ConfigMapping;

/** Where the built web app is ({@code tavola.spa.dir}, SPA_DIR; default src-frontend/dist). */
@ConfigMapping(prefix = "tavola.spa")
public interface SpaConfig {

    String dir();
}
