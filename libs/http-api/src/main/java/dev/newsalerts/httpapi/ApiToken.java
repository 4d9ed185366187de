package dev.newsalerts.httpapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A service's configured API token, compared in constant time. Each service produces one from its
 * own setting ({@code poller.api-token}, {@code notifier.api-token}); a blank token counts as none.
 */
public class ApiToken {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> tokenDigest;
    private final String offMessage;

    /**
     * @param configured the token as configured, if any
     * @param offMessage what a caller is told while no token is configured, naming the setting to set
     */
    public ApiToken(Optional<String> configured, String offMessage) {
        this.tokenDigest = configured.filter(value -> !value.isBlank()).map(ApiToken::digest);
        this.offMessage = offMessage;
    }

    public boolean isConfigured() {
        return tokenDigest.isPresent();
    }

    /** What a caller is told while no token is configured. */
    public String offMessage() {
        return offMessage;
    }

    /**
     * Whether an Authorization header carries the token, in any case of "Bearer"; digests are
     * compared, so the time taken says nothing of the token's length either.
     */
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
