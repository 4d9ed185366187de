package dev.newsalerts.classifier.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic alert ids: the same story classified by the same rules version gets the same id. */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(String storyId, String rulesVersion) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((storyId + "\n" + rulesVersion).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
