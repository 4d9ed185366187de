package dev.newsalerts.netguard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation, such as {@code 127.0.0.0/8} or {@code fd00::/8}. */
public record NetworkRange(byte[] network, int prefixLength) {

    /** @throws IllegalArgumentException when {@code cidr} is not an IP literal with an optional /prefix */
    public static NetworkRange parse(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP network: " + cidr);
        }
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress(); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP network: " + cidr, e);
        }
        int prefix = address.length * 8;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + cidr, e);
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
        }
        return new NetworkRange(address, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
