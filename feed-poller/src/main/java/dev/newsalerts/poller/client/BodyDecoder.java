package dev.newsalerts.poller.client;

import dev.newsalerts.poller.app.FetchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** Undoes a {@code Content-Encoding} (gzip, deflate) without ever producing more than the size cap. */
final class BodyDecoder {

    private BodyDecoder() {
    }

    static byte[] decode(byte[] body, String contentEncoding, long maxBytes) throws FetchException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try {
            InputStream decoder = switch (encoding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
                case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
                default -> null;
            };
            if (decoder == null) {
                return body;
            }
            try (InputStream in = decoder) {
                byte[] decoded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (decoded.length > maxBytes) {
                    throw new FetchException("too_large", "decompressed body larger than " + maxBytes + " bytes");
                }
                return decoded;
            }
        } catch (IOException e) {
            throw new FetchException("decoding", "cannot decode " + encoding + " body: " + e.getMessage(), e);
        }
    }
}
