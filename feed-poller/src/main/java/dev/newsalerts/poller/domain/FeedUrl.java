package dev.newsalerts.poller.domain;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed URL in normal form, so that one feed spelled several ways is one feed: scheme and host in
 * lower case, an internationalised host in ASCII ({@code bücher.example} → {@code xn--bcher-kva.example}),
 * a host that ends in a number read as an IPv4 address ({@link NumericHost}), the default port
 * dropped, dot segments removed, runs of slashes collapsed, an empty path made {@code /}, the
 * fragment dropped, and what is left outside ASCII percent-encoded. The query is kept as written.
 * A user name or password ({@code user:password@}) is refused: feeds are fetched without one, and
 * {@code GET /feeds} shows every feed's URL to anyone.
 */
public final class FeedUrl {

    /** RFC 3986, appendix B: scheme, authority, path, query, fragment. */
    private static final Pattern PARTS = Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final String NOT_HTTP = "must be an http or https URL with a host";

    private FeedUrl() {
    }

    /** @throws Invalid saying what is wrong with {@code url} */
    public static String normalise(String url) {
        Matcher parts = url == null ? null : PARTS.matcher(url.strip());
        if (parts == null || !parts.matches() || parts.group(1) == null || parts.group(2) == null) {
            throw new Invalid(NOT_HTTP);
        }
        String scheme = parts.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Invalid(NOT_HTTP);
        }
        String authority = parts.group(2);
        if (authority.contains("@")) {
            throw new Invalid("must not contain a user name or password (user:password@): feeds and hubs are reached without one,"
                    + " and GET /feeds shows every feed's URL to anyone");
        }
        String query = parts.group(4) == null ? "" : "?" + parts.group(4);
        String normal = scheme + "://" + hostAndPort(scheme, authority) + path(parts.group(3)) + query;
        try {
            URI uri = new URI(normal);
            if (uri.getHost() == null) {
                throw new Invalid("host " + host(authority) + " is not a valid host name");
            }
            return uri.toASCIIString();
        } catch (URISyntaxException e) {
            throw new Invalid("is not a valid URL: " + e.getReason());
        }
    }

    /** {@code url} fit for a log line: a user name and password, which the URL should not have, shown as {@code ***}. */
    public static String forLog(String url) {
        Matcher parts = url == null ? null : PARTS.matcher(url);
        if (parts == null || !parts.matches() || parts.group(2) == null || !parts.group(2).contains("@")) {
            return url;
        }
        return url.substring(0, parts.start(2)) + "***" + url.substring(parts.start(2) + parts.group(2).lastIndexOf('@'));
    }

    private static String hostAndPort(String scheme, String authority) {
        String host = host(authority);
        if (host.isEmpty()) {
            throw new Invalid(NOT_HTTP);
        }
        String port = authority.substring(host.length());
        int number = port.isEmpty() || port.equals(":") ? -1 : portNumber(port);
        boolean isDefault = number == -1 || scheme.equals("http") && number == 80 || scheme.equals("https") && number == 443;
        return asciiHost(host) + (isDefault ? "" : ":" + number);
    }

    private static int portNumber(String port) {
        int number = port.startsWith(":") && PORT.matcher(port.substring(1)).matches() ? Integer.parseInt(port.substring(1)) : 0;
        if (number < 1 || number > 65535) {
            throw new Invalid("port " + port + " is not a port number (1 to 65535)");
        }
        return number;
    }

    private static String host(String authority) {
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(0, end + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String asciiHost(String host) {
        if (host.startsWith("[")) {
            return host.toLowerCase(Locale.ROOT);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new Invalid("host " + host + " is not a valid domain name: " + e.getMessage());
        }
        return NumericHost.dottedQuad(ascii).orElse(ascii);
    }

    /**
     * The path without dot segments (RFC 3986, 5.2.4, {@code %2e} counted as a dot as WHATWG does)
     * and with runs of slashes collapsed: servers (nginx's {@code merge_slashes}, Apache's
     * {@code MergeSlashes}) answer {@code //feed.xml} as {@code /feed.xml}, so keeping both would poll
     * one feed twice; a feed whose server tells them apart is rarer than one written with a stray slash.
     */
    private static String path(String path) {
        Deque<String> segments = new ArrayDeque<>();
        String[] written = path.split("/", -1);
        boolean endsAsDirectory = false;
        for (String segment : written) {
            String lower = segment.toLowerCase(Locale.ROOT);
            endsAsDirectory = segment.isEmpty() || isDot(lower) || isDotDot(lower);
            if (isDotDot(lower)) {
                segments.pollLast();
            } else if (!endsAsDirectory) {
                segments.addLast(segment);
            }
        }
        String joined = "/" + String.join("/", segments);
        return endsAsDirectory && !segments.isEmpty() ? joined + "/" : joined;
    }

    private static boolean isDot(String segment) {
        return segment.equals(".") || segment.equals("%2e");
    }

    private static boolean isDotDot(String segment) {
        return segment.equals("..") || segment.equals(".%2e") || segment.equals("%2e.") || segment.equals("%2e%2e");
    }

    /** A URL that cannot be polled; the message says why, to follow the URL's name ("must be an http or https URL…"). */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }
}
