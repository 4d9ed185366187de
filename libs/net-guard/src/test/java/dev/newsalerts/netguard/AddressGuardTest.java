package dev.newsalerts.netguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private static final String SETTING = "service.allowed-networks";
    private final AddressGuard guard = new AddressGuard(List.of(), SETTING);

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "http://127.0.0.1:8080/feed, loopback",
            "http://localhost/feed, loopback",
            "http://[::1]/feed, loopback",
            "http://10.1.2.3/feed, private",
            "http://172.16.0.1/feed, private",
            "http://192.168.1.1/feed, private",
            "http://169.254.169.254/latest/meta-data/, cloud metadata",
            "http://[fd00:ec2::254]/latest/meta-data/, cloud metadata",
            "http://100.64.0.1/feed, carrier-grade NAT",
            "http://0.0.0.0/feed, unspecified",
            "http://[fc00::1]/feed, unique-local",
            "http://[fd12:3456::1]/feed, unique-local",
            "http://[fe80::1]/feed, link-local",
            "http://169.254.1.1/feed, link-local",
            "http://[::ffff:7f00:1]/feed, loopback",
            "http://[::ffff:a9fe:a9fe]/feed, cloud metadata",
            "http://[::ffff:10.0.0.1]/feed, private",
            "http://[2002:7f00:1::1]/feed, loopback (inside an IPv6 address)",
            "http://[64:ff9b::a00:1]/feed, private (inside an IPv6 address)",
            "http://224.0.0.1/feed, multicast",
            "http://240.0.0.1/feed, reserved",
    })
    void internalAddressesAreRefusedSayingWhy(String url, String reason) {
        assertThatThrownBy(() -> guard.resolve(URI.create(url)))
                .isInstanceOf(AddressRefusedException.class)
                .hasMessageContaining("a " + reason + " address")
                .hasMessageContaining(SETTING);
    }

    @Test
    void theCloudMetadataAddressIsNamedAsSuchUnlessItsWholeNetworkIsAllowed() throws Exception {
        assertThat(guard.refusal(InetAddress.getByName("169.254.169.254"))).isEqualTo("cloud metadata");
        assertThat(new AddressGuard(List.of("169.254.0.0/16"), SETTING).refusal(InetAddress.getByName("169.254.169.254"))).isNull();
        assertThat(new AddressGuard(List.of("169.254.0.0/17"), SETTING).refusal(InetAddress.getByName("169.254.169.254")))
                .isEqualTo("cloud metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/feed", "http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/x?y=1"})
    void publicAddressesAreAllowed(String url) throws Exception {
        assertThat(guard.resolve(URI.create(url))).hasSize(1);
    }

    @Test
    void allowedNetworksLetInternalAddressesThroughAndNothingElse() throws Exception {
        AddressGuard loopbackAllowed = new AddressGuard(List.of("127.0.0.0/8", "::1/128"), SETTING);
        assertThat(loopbackAllowed.resolve(URI.create("http://127.0.0.2:9000/feed")).get(0).getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(loopbackAllowed.resolve(URI.create("http://[::1]/feed")).get(0).isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> loopbackAllowed.resolve(URI.create("http://10.0.0.1/feed"))).hasMessageContaining("private");
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThatThrownBy(() -> guard.resolve(URI.create("http://no-such-host.invalid/feed")))
                .isInstanceOf(AddressRefusedException.class).hasMessage("cannot resolve host no-such-host.invalid");
    }

    @Test
    void aMalformedAllowedNetworkIsAConfigurationError() {
        assertThatThrownBy(() -> new AddressGuard(List.of("localhost/8"), SETTING)).hasMessageContaining("not an IP network: localhost/8");
        assertThatThrownBy(() -> new AddressGuard(List.of("10.0.0.0/33"), SETTING)).hasMessageContaining("bad prefix length");
    }
}
