package dev.newsalerts.netguard;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps outbound calls to URLs that users give (feeds, webhooks) away from internal networks
 * (SSRF): every address a host resolves to must be public, unless it lies in one of the allowed
 * networks. Refused: unspecified, loopback, private (RFC 1918), link-local, multicast, carrier-grade
 * NAT, cloud metadata, unique-local IPv6, documentation, benchmarking and reserved ranges, and any
 * of those inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address.
 */
public final class AddressGuard {

    private static final List<Blocked> BLOCKED = List.of(
            new Blocked("0.0.0.0/8", "'this network'"),
            new Blocked("100.64.0.0/10", "carrier-grade NAT"),
            new Blocked("169.254.169.254/32", "cloud metadata"),
            new Blocked("fd00:ec2::254/128", "cloud metadata"),
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
    private final String allowedSetting;

    /**
     * @param allowedNetworks CIDRs allowed although internal, such as {@code 127.0.0.0/8} for tests
     * @param allowedSetting the configuration key that lists them, named in refusals
     * @throws IllegalArgumentException for a malformed CIDR
     */
    public AddressGuard(List<String> allowedNetworks, String allowedSetting) {
        this.allowed = allowedNetworks.stream().map(NetworkRange::parse).toList();
        this.allowedSetting = allowedSetting;
    }

    /**
     * Resolves the host of {@code uri} and checks every address it resolves to.
     *
     * @return the addresses, all allowed, in the resolver's order
     * @throws AddressRefusedException when the host does not resolve or one of its addresses is refused
     */
    public List<InetAddress> resolve(URI uri) throws AddressRefusedException {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new AddressRefusedException("the URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new AddressRefusedException("cannot resolve host " + host, true);
        }
        for (InetAddress address : addresses) {
            String reason = refusal(address);
            if (reason != null) {
                throw new AddressRefusedException(host + " resolves to " + address.getHostAddress() + ", a " + reason
                        + " address; only public addresses may be reached (see " + allowedSetting + ")");
            }
        }
        return List.of(addresses);
    }

    /** Why a call to {@code address} is refused, or null when it is allowed. */
    public String refusal(InetAddress address) {
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
