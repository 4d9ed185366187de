package dev.newsalerts.notifier.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsalerts.notifier.app.TargetRefusedException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(List.of());

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "http://127.0.0.1:8080/hook, loopback",
            "http://localhost/hook, loopback",
            "http://[::1]/hook, loopback",
            "http://10.1.2.3/hook, private",
            "http://172.16.0.1/hook, private",
            "http://192.168.1.1/hook, private",
            "http://169.254.169.254/latest/meta-data/, cloud metadata",
            "http://100.64.0.1/hook, carrier-grade NAT",
            "http://0.0.0.0/hook, unspecified",
            "http://[fc00::1]/hook, unique-local",
            "http://[fd00:ec2::254]/hook, cloud metadata",
            "http://[fd12:3456::1]/hook, unique-local",
            "http://[fe80::1]/hook, link-local",
            "http://[::ffff:7f00:1]/hook, loopback",
            "http://[::ffff:a9fe:a9fe]/hook, cloud metadata",
            "http://[2002:7f00:1::1]/hook, loopback (inside an IPv6 address)",
            "http://[64:ff9b::a00:1]/hook, private (inside an IPv6 address)",
            "http://224.0.0.1/hook, multicast",
    })
    void internalAddressesAreRefusedSayingWhy(String url, String reason) {
        assertThatThrownBy(() -> guard.resolve(guard.parseUrl(url)))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining("a " + reason + " address")
                .hasMessageContaining("notifier.webhook.allowed-networks");
    }

    @Test
    void theCloudMetadataAddressIsNamedAsSuch() throws Exception {
        assertThat(guard.refusal(InetAddress.getByName("169.254.169.254"))).isEqualTo("cloud metadata");
        assertThat(guard.refusal(InetAddress.getByName("169.254.1.1"))).isEqualTo("link-local");
        assertThat(new TargetGuard(List.of("169.254.0.0/16")).refusal(InetAddress.getByName("169.254.169.254"))).isNull();
        assertThat(new TargetGuard(List.of("169.254.0.0/17")).refusal(InetAddress.getByName("169.254.169.254")))
                .isEqualTo("cloud metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/x?y=1"})
    void publicAddressesAreAllowed(String url) throws Exception {
        InetAddress address = guard.resolve(guard.parseUrl(url));
        assertThat(address.getHostAddress()).isNotEmpty();
    }

    @Test
    void allowedNetworksLetInternalTargetsThroughAndNothingElse() throws Exception {
        TargetGuard loopbackAllowed = new TargetGuard(List.of("127.0.0.0/8", "::1/128"));
        assertThat(loopbackAllowed.resolve(loopbackAllowed.parseUrl("http://127.0.0.2:9000/hook")).getHostAddress())
                .isEqualTo("127.0.0.2");
        assertThat(loopbackAllowed.resolve(loopbackAllowed.parseUrl("http://[::1]/hook")).isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> loopbackAllowed.resolve(loopbackAllowed.parseUrl("http://10.0.0.1/hook")))
                .hasMessageContaining("private");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://example.com/hook | must start with http:// or https://",
            "file:///etc/passwd | must start with http:// or https://",
            "/relative/hook | must start with http:// or https://",
            "http:///no-host | has no host",
            "http://example.com:99999/hook | port must be between 1 and 65535",
            "http://exa mple.com/ | not a URL",
    })
    void urlsThatAreNotWebhooksAreRefused(String url, String message) {
        assertThatThrownBy(() -> guard.parseUrl(url)).isInstanceOf(TargetRefusedException.class).hasMessageContaining(message);
    }

    @Test
    void aMalformedAllowedNetworkIsAConfigurationError() {
        assertThatThrownBy(() -> new TargetGuard(List.of("localhost/8"))).hasMessageContaining("not an IP network: localhost/8");
        assertThatThrownBy(() -> new TargetGuard(List.of("10.0.0.0/33"))).hasMessageContaining("bad prefix length");
    }
}
