package dev.newsalerts.notifier.domain;

/**
 * Where an alert sits in news.alerts: its partition and offset, written {@code <partition>-<offset>}
 * in feedback links ({@code ref}), so the record can be read back after this instance forgot it.
 */
public record AlertPosition(int partition, long offset) {

    public AlertPosition {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("a position in news.alerts is two numbers from 0 up");
        }
    }

    /** @throws IllegalArgumentException when it is not {@code <partition>-<offset>} */
    public static AlertPosition parse(String ref) {
        int dash = ref == null ? -1 : ref.indexOf('-');
        try {
            if (dash > 0) {
                return new AlertPosition(Integer.parseInt(ref.substring(0, dash)), Long.parseLong(ref.substring(dash + 1)));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("ref must be <partition>-<offset> in news.alerts, not \"" + ref + "\"");
    }

    public String ref() {
        return partition + "-" + offset;
    }
}
