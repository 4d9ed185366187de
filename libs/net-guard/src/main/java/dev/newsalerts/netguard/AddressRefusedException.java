package dev.newsalerts.netguard;

/** A URL whose host is, or resolves to, an address outbound calls must not reach; the message says which and why. */
public class AddressRefusedException extends Exception {

    private final boolean unresolvable;

    public AddressRefusedException(String message) {
        this(message, false);
    }

    /** @param unresolvable whether the host did not resolve at all (rather than to a refused address) */
    public AddressRefusedException(String message, boolean unresolvable) {
        super(message);
        this.unresolvable = unresolvable;
    }

    /** Whether the host did not resolve at all, which may pass, rather than resolve to a refused address. */
    public boolean unresolvable() {
        return unresolvable;
    }
}
