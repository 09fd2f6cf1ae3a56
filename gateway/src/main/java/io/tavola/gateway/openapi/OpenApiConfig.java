package io.tavola.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The merged API description. */
@ConfigMapping(prefix = "tavola.openapi")
public interface OpenApiConfig {

    /** How long the merged document is served before the services are asked again; zero: never kept. */
    Duration cache();
}
