package dev.newsalerts.poller.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature} of a WebSub content distribution: {@code method=signature}, the
 * hex HMAC of the body with the subscription's secret, {@code method} one of {@code sha1},
 * {@code sha256}, {@code sha384} and {@code sha512} (WebSub section 8). Compared in constant time.
 */
public final class HubSignature {

    private static final Map<String, String> ALGORITHMS = Map.of(
            "sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private HubSignature() {
    }

    public static boolean matches(String header, byte[] body, String secret) {
        if (header == null || secret == null) {
            return false;
        }
        String[] parts = header.strip().split("=", 2);
        String algorithm = ALGORITHMS.get(parts[0].toLowerCase(Locale.ROOT));
        if (parts.length != 2 || algorithm == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(parts[1].strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(algorithm, body, secret));
    }

    /** The header value for {@code body} signed with {@code secret}, for hubs in tests. */
    public static String sign(String method, byte[] body, String secret) {
        return method + "=" + HexFormat.of().formatHex(hmac(ALGORITHMS.get(method), body, secret));
    }

    private static byte[] hmac(String algorithm, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
