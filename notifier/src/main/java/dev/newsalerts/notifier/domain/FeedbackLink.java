package dev.newsalerts.notifier.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A one-click feedback link of a delivery:
 * {@code <public-url>/feedback/<alertId>?verdict=…&sub=<subscriptionId>&ref=<partition>-<offset>&sig=…}.
 * The signature is base64url (no padding) of HMAC-SHA256 over {@link #signed()}: every part of the
 * link but the host and the method, so one link serves GET (a page) and POST (records).
 */
public record FeedbackLink(String alertId, Verdict verdict, String subscriptionId, AlertPosition position) {

    private static final String ALGORITHM = "HmacSHA256";

    /** What the signature covers: the parts, one a line, after a version tag. */
    public String signed() {
        return String.join("\n", "feedback-link-v1", alertId, verdict.text(), subscriptionId, position.ref());
    }

    public String sign(byte[] key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key));
    }

    /** Whether {@code signature} is this link's, compared in constant time; false for null or malformed. */
    public boolean isSignedBy(byte[] key, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key), given);
    }

    /** The path and query, signed: {@code /feedback/<alertId>?verdict=…&sub=…&ref=…&sig=…}. */
    public String pathAndQuery(byte[] key) {
        return "/feedback/" + encode(alertId) + "?verdict=" + verdict.text() + "&sub=" + encode(subscriptionId)
                + "&ref=" + position.ref() + "&sig=" + sign(key);
    }

    private byte[] hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(signed().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
