package io.tavola.common.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that must work with a revoked token too: logging out (the refresh token decides there).
 * Everything else refuses a revoked token with 401 ({@link RevocationFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsRevokedTokens {}
