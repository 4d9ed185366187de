package dev.newsalerts.poller.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed's bytes into text. The character set comes from the byte order mark (UTF-8, UTF-16,
 * UTF-32, or the first bytes of {@code <?} in UTF-16 or UTF-32) when there is one; else the first of the HTTP header's charset, the XML prolog's encoding and UTF-8 that
 * decodes the bytes without error (a server's default {@code charset=utf-8} does not garble a GBK
 * feed that says so in its prolog, and a server's default ISO-8859-1 does not garble a UTF-8 feed
 * that says so); else windows-1252, which decodes anything. Labels are read as
 * browsers read them: GB2312 and GBK as GB18030, Big5 as Big5-HKSCS, ISO-8859-1 and ASCII as
 * windows-1252, each a superset of the label's own set that sloppy feeds rely on.
 */
public final class FeedText {

    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROLOG_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Map<String, String> SUPERSETS = Map.of(
            "gb2312", "GB18030", "gbk", "GB18030", "x-gbk", "GB18030", "cp936", "GB18030", "euc-cn", "GB18030",
            "big5", "Big5-HKSCS", "iso-8859-1", "windows-1252", "latin1", "windows-1252",
            "us-ascii", "windows-1252", "ascii", "windows-1252");

    private FeedText() {
    }

    /** @param contentType the HTTP {@code Content-Type}, or null */
    public static String decode(byte[] body, String contentType) {
        Optional<Charset> bom = byteOrderMark(body);
        if (bom.isPresent()) {
            return stripBom(new String(body, bom.get()));
        }
        List<Charset> candidates = new ArrayList<>();
        Optional<Charset> header = headerCharset(contentType);
        Optional<Charset> prolog = prologEncoding(body);
        // A server's single-byte default (ISO-8859-1, read as windows-1252) decodes any bytes; it
        // does not override a UTF-8 prolog that the bytes agree with.
        if (header.filter(WINDOWS_1252::equals).isPresent() && prolog.filter(StandardCharsets.UTF_8::equals).isPresent()) {
            header = Optional.empty();
        }
        header.ifPresent(candidates::add);
        prolog.ifPresent(candidates::add);
        candidates.add(StandardCharsets.UTF_8);
        for (Charset charset : candidates) {
            Optional<String> text = strictly(body, charset);
            if (text.isPresent()) {
                return stripBom(text.get());
            }
        }
        return new String(body, WINDOWS_1252);
    }

    static Optional<Charset> byteOrderMark(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && ((b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF || b[2] == 0 && b[3] == '<')) {
            return Optional.of(Charset.forName("UTF-32BE"));
        }
        if (b.length >= 4 && b[2] == 0 && b[3] == 0 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || b[0] == '<' && b[1] == 0)) {
            return Optional.of(Charset.forName("UTF-32LE"));
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        // No mark, but "<?" in UTF-16 gives itself away.
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    static Optional<Charset> headerCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher matcher = HEADER_CHARSET.matcher(contentType);
        return matcher.find() ? charset(matcher.group(1)) : Optional.empty();
    }

    static Optional<Charset> prologEncoding(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
        Matcher matcher = PROLOG_ENCODING.matcher(start);
        // A prolog naming UTF-16 in a document without its mark is wrong about something; UTF-8 decides.
        return matcher.find() ? charset(matcher.group(1)).filter(c -> !c.name().startsWith("UTF-16")) : Optional.empty();
    }

    private static Optional<Charset> charset(String label) {
        String name = SUPERSETS.getOrDefault(label.strip().toLowerCase(Locale.ROOT), label.strip());
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> strictly(byte[] body, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
