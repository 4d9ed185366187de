package dev.newsalerts.poller.domain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host that ends in a number is an IPv4 address, read as browsers (the WHATWG URL standard),
 * curl and {@code inet_aton} read it: one to four parts, each decimal, octal ({@code 0}…) or hex
 * ({@code 0x}…), the last filling the bytes left ({@code 10.1} is {@code 10.0.0.1},
 * {@code 2130706433} is {@code 127.0.0.1}). Written back as four decimal bytes, so the SSRF guard
 * checks, and the fetch connects to, the address any client would reach: Java's URI parser takes
 * {@code 10.1} for a registry name with no host, and its resolver reads {@code 010} as ten where
 * {@code inet_aton} reads eight.
 */
final class NumericHost {

    private static final Pattern ENDS_IN_NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]*");
    private static final Pattern OCTAL = Pattern.compile("0[0-7]*");
    private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]*");

    private NumericHost() {
    }

    /**
     * @return the address in four decimal bytes; empty when {@code host} does not end in a number (a name)
     * @throws FeedUrl.Invalid when it ends in a number but is no IPv4 address
     */
    static Optional<String> dottedQuad(String host) {
        String[] parts = host.endsWith(".") ? host.substring(0, host.length() - 1).split("\\.", -1) : host.split("\\.", -1);
        if (!ENDS_IN_NUMBER.matcher(parts[parts.length - 1]).matches()) {
            return Optional.empty();
        }
        if (parts.length > 4) {
            throw notAnAddress(host);
        }
        BigInteger[] numbers = Arrays.stream(parts).map(part -> number(part, host)).toArray(BigInteger[]::new);
        int last = numbers.length - 1;
        for (int i = 0; i < last; i++) {
            if (numbers[i].bitLength() > 8) {
                throw notAnAddress(host);
            }
        }
        if (numbers[last].bitLength() > 8 * (4 - last)) {
            throw notAnAddress(host);
        }
        long address = numbers[last].longValue();
        for (int i = 0; i < last; i++) {
            address += numbers[i].longValue() << (8 * (3 - i));
        }
        return Optional.of((address >> 24 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "." + (address & 0xff));
    }

    private static BigInteger number(String part, String host) {
        if (HEX.matcher(part).matches()) {
            return part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16);
        }
        if (OCTAL.matcher(part).matches()) {
            return new BigInteger(part, 8);
        }
        if (DECIMAL.matcher(part).matches()) {
            return new BigInteger(part);
        }
        throw notAnAddress(host);
    }

    private static FeedUrl.Invalid notAnAddress(String host) {
        return new FeedUrl.Invalid("host " + host + " ends in a number but is not an IPv4 address");
    }
}
