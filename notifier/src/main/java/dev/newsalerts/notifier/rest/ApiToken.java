package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The configured API token ({@code notifier.api-token}), compared in constant time. */
@ApplicationScoped
public class ApiToken {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;

    public ApiToken(NotifierConfig config) {
        this.token = config.apiToken().filter(value -> !value.isBlank()).map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isConfigured() {
        return token.isPresent();
    }

    /** Whether an Authorization header carries the token. */
    public boolean acceptsHeader(String authorization) {
        byte[] given = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        return token.isPresent() && MessageDigest.isEqual(given, token.get());
    }
}
