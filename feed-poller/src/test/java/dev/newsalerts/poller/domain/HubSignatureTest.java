package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSignatureTest {

    private static final byte[] BODY = "<rss/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void eachMethodWebSubNamesIsChecked() {
        for (String method : new String[] {"sha1", "sha256", "sha384", "sha512"}) {
            String header = HubSignature.sign(method, BODY, "secret");
            assertThat(HubSignature.matches(header, BODY, "secret")).as(method).isTrue();
            assertThat(HubSignature.matches(header.toUpperCase(), BODY, "secret")).as(method + " in capitals").isTrue();
            assertThat(HubSignature.matches(header, BODY, "other")).as(method + " with another secret").isFalse();
            assertThat(HubSignature.matches(header, "<rss></rss>".getBytes(StandardCharsets.UTF_8), "secret")).isFalse();
        }
    }

    @Test
    void aMissingMalformedOrUnknownSignatureDoesNotMatch() {
        assertThat(HubSignature.matches(null, BODY, "secret")).isFalse();
        assertThat(HubSignature.matches("", BODY, "secret")).isFalse();
        assertThat(HubSignature.matches("sha256", BODY, "secret")).isFalse();
        assertThat(HubSignature.matches("sha256=not-hex", BODY, "secret")).isFalse();
        assertThat(HubSignature.matches("md5=" + "0".repeat(32), BODY, "secret")).isFalse();
    }
}
