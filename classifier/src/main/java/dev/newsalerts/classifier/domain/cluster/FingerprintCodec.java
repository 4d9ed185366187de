package dev.newsalerts.classifier.domain.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The text form of a {@link StoryFingerprint}: "v1:" and URL-safe base64 (no padding) of the 128
 * signature values, then the numbers and the names, each a count and UTF strings. A later version gets
 * a new prefix; v1 stays readable as long as v1 records may be kept.
 */
final class FingerprintCodec {

    static final String V1 = "v1:";

    private FingerprintCodec() {
    }

    static String encode(StoryFingerprint fingerprint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(MinHash.SIZE * 4 + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (int value : fingerprint.signature()) {
                out.writeInt(value);
            }
            writeStrings(out, fingerprint.numbers());
            writeStrings(out, fingerprint.names());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return V1 + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    static StoryFingerprint decode(String encoded) {
        if (encoded == null || !encoded.startsWith(V1)) {
            throw new IllegalArgumentException("not a story fingerprint: expected text starting with \"" + V1 + "\", got "
                    + preview(encoded));
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded.substring(V1.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a story fingerprint: the part after \"" + V1 + "\" is not base64 ("
                    + e.getMessage() + "): " + preview(encoded), e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int[] signature = new int[MinHash.SIZE];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = in.readInt();
            }
            List<String> numbers = readStrings(in);
            List<String> names = readStrings(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException("not a story fingerprint: " + in.available() + " bytes too many: "
                        + preview(encoded));
            }
            return new StoryFingerprint(signature, new Anchors(numbers, names));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a story fingerprint: the data is cut short or malformed ("
                    + e.getClass().getSimpleName() + "): " + preview(encoded), e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeByte(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readUnsignedByte();
        if (count > Anchors.MAX_EACH) {
            throw new IOException("too many anchors: " + count);
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static String preview(String encoded) {
        if (encoded == null) {
            return "null";
        }
        return encoded.length() <= 40 ? "\"" + encoded + "\"" : "\"" + encoded.substring(0, 40) + "…\" (" + encoded.length() + " chars)";
    }
}
