package dev.newsalerts.notifier.client;

import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks away from internal networks (SSRF): a target URL must be http(s), and every
 * address its host resolves to must be public, unless it lies in
 * {@code notifier.webhook.allowed-networks}. Checked when a subscription is made and again before
 * each delivery, which then connects to the very address that was checked.
 */
@ApplicationScoped
public class TargetGuard {

    private static final List<Blocked> BLOCKED = List.of(
            new Blocked("0.0.0.0/8", "'this network'"),
            new Blocked("100.64.0.0/10", "carrier-grade NAT"),
            new Blocked("169.254.169.254/32", "cloud metadata"),
            new Blocked("192.0.0.0/24", "IETF protocol assignments"),
            new Blocked("192.0.2.0/24", "documentation"),
            new Blocked("198.18.0.0/15", "benchmarking"),
            new Blocked("198.51.100.0/24", "documentation"),
            new Blocked("203.0.113.0/24", "documentation"),
            new Blocked("240.0.0.0/4", "reserved"),
            new Blocked("fc00::/7", "unique-local"),
            new Blocked("2001:db8::/32", "documentation"));

    private record Blocked(NetworkRange range, String reason) {
        Blocked(String cidr, String reason) {
            this(NetworkRange.parse(cidr), reason);
        }
    }

    private final List<NetworkRange> allowed;

    @Inject
    public TargetGuard(NotifierConfig config) {
        this(config.webhook().allowedNetworks().orElse(List.of()));
    }

    /** @param allowedNetworks CIDRs allowed although internal; @throws IllegalArgumentException for a malformed one */
    public TargetGuard(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(NetworkRange::parse).toList();
    }

    /** A webhook URL as it may be subscribed: absolute http(s) with a host. */
    public URI parseUrl(String url) throws TargetRefusedException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new TargetRefusedException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetRefusedException("the URL must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new TargetRefusedException("the URL has no host");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw new TargetRefusedException("the URL's port must be between 1 and 65535");
        }
        return uri;
    }

    /** The address to connect to for {@code uri}: its host resolved, every address checked. */
    public InetAddress resolve(URI uri) throws TargetRefusedException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new TargetRefusedException("cannot resolve host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            String reason = refusal(address);
            if (reason != null) {
                throw new TargetRefusedException(uri.getHost() + " resolves to " + address.getHostAddress() + ", a " + reason
                        + " address; webhooks may only target public addresses (see notifier.webhook.allowed-networks)");
            }
        }
        return addresses[0];
    }

    /** Why a delivery to {@code address} is refused, or null when it is allowed. */
    String refusal(InetAddress address) {
        if (allowed.stream().anyMatch(range -> range.contains(address))) {
            return null;
        }
        InetAddress embedded = embeddedIpv4(address);
        if (embedded != null) {
            String reason = refusal(embedded);
            return reason == null ? null : reason + " (inside an IPv6 address)";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        for (Blocked blocked : BLOCKED) {
            if (blocked.range().contains(address)) {
                return blocked.reason();
            }
        }
        return address.isLinkLocalAddress() ? "link-local" : null;
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible, NAT64 or 6to4 IPv6 address. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] bytes = address.getAddress();
        boolean zeroPrefix = Arrays.equals(Arrays.copyOfRange(bytes, 0, 10), new byte[10]);
        boolean mapped = zeroPrefix && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0 && !address.isLoopbackAddress()
                && !address.isAnyLocalAddress();
        boolean nat64 = Arrays.equals(Arrays.copyOfRange(bytes, 0, 12),
                new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
        try {
            if (mapped || compatible || nat64) {
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 2, 6));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
        return null;
    }
}
