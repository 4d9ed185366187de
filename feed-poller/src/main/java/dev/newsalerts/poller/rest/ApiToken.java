package dev.newsalerts.poller.rest;

import dev.newsalerts.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The configured API token ({@code poller.api-token}), compared in constant time. */
@ApplicationScoped
public class ApiToken {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> tokenDigest;

    public ApiToken(PollerConfig config) {
        this.tokenDigest = config.apiToken().filter(value -> !value.isBlank()).map(ApiToken::digest);
    }

    public boolean isConfigured() {
        return tokenDigest.isPresent();
    }

    /** Whether an Authorization header carries the token; digests are compared, so the time taken says nothing of its length either. */
    public boolean acceptsHeader(String authorization) {
        String given = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : "";
        return tokenDigest.isPresent() && MessageDigest.isEqual(digest(given), tokenDigest.get());
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
