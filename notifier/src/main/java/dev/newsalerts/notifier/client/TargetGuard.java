package dev.newsalerts.notifier.client;

import dev.newsalerts.netguard.AddressGuard;
import dev.newsalerts.netguard.AddressRefusedException;
import dev.newsalerts.notifier.app.TargetRefusedException;
import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks away from internal networks (SSRF): a target URL must be http(s), and every
 * address its host resolves to must be public, unless it lies in
 * {@code notifier.webhook.allowed-networks} ({@link AddressGuard} says which are internal). Checked
 * when a subscription is made and again before each delivery, which then connects to the very
 * address that was checked.
 */
@ApplicationScoped
public class TargetGuard {

    private final AddressGuard addresses;

    @Inject
    public TargetGuard(NotifierConfig config) {
        this(config.webhook().allowedNetworks().orElse(List.of()));
    }

    /** @param allowedNetworks CIDRs allowed although internal; @throws IllegalArgumentException for a malformed one */
    public TargetGuard(List<String> allowedNetworks) {
        this.addresses = new AddressGuard(allowedNetworks, "notifier.webhook.allowed-networks");
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
        try {
            return addresses.resolve(uri).get(0);
        } catch (AddressRefusedException e) {
            throw new TargetRefusedException(e.getMessage());
        }
    }

    /** Why a delivery to {@code address} is refused, or null when it is allowed. */
    String refusal(InetAddress address) {
        return addresses.refusal(address);
    }
}
