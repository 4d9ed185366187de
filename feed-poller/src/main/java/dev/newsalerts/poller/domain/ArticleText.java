package dev.newsalerts.poller.domain;

import dev.newsalerts.plaintext.PlainText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The main text of an article page, as plain text: a small readability-style scorer over jsoup.
 * Page furniture (scripts, navigation, headers, footers, asides, forms, and blocks whose class or id
 * says comment, share, related, promo...) is removed; each paragraph of 25 characters or more scores
 * its parent and grandparent (one point, one per comma, one per 100 characters up to three); the
 * block scoring best, less its share of link text, is the article, with the siblings that score near
 * it or read as paragraphs; inside it, link lists are dropped. See docs/FEEDS.md for how it was
 * measured against readability4j.
 */
public final class ArticleText {

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu"
                    + "|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate"
                    + "|pagination|pager|popup|yom-remote|share|newsletter|subscribe|cookie|promo|outbrain|taboola|byline|tags",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|shadow|story|entry|post",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media"
                    + "|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget",
            Pattern.CASE_INSENSITIVE);
    private static final String FURNITURE = "script, style, noscript, template, iframe, svg, canvas, form, button, input,"
            + " select, textarea, nav, aside, footer, dialog, menu, object, embed, link, meta,"
            + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
            + " [role=complementary], [role=dialog], [role=alert]";
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote", "section", "h2", "h3");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "table", "ul", "ol", "pre",
            "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "dl", "header", "main");
    private static final int MIN_PARAGRAPH = 25;
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\\s;\"']+)", Pattern.CASE_INSENSITIVE);

    private ArticleText() {
    }

    /**
     * The main text of the HTML page {@code body}, at most {@code maxChars} characters; empty when none is
     * found. The charset is the one {@code contentType} names, else the page's BOM or meta charset, else UTF-8.
     */
    public static Optional<String> of(byte[] body, String contentType, int maxChars) {
        try {
            return of(Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), ""), maxChars);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory", e);
        }
    }

    /** Whether {@code contentType} names an HTML page; a page without a content type is read as one. */
    public static boolean isHtml(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    /** The main text of the HTML page {@code html}, at most {@code maxChars} characters; empty when none is found. */
    public static Optional<String> of(String html, int maxChars) {
        return of(Jsoup.parse(html), maxChars);
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher matcher = CHARSET.matcher(contentType);
        if (!matcher.find()) {
            return null;
        }
        try {
            return Charset.isSupported(matcher.group(1)) ? matcher.group(1) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    private static Optional<String> of(Document page, int maxChars) {
        Element body = page.body();
        body.select(FURNITURE).remove();
        body.select("header").forEach(header -> {
            if (header.parents().select("article").isEmpty()) {
                header.remove();
            }
        });
        removeUnlikely(body);
        Map<Element, Double> scores = score(body);
        Element top = best(scores).orElse(body);
        String text = PlainText.of(withSiblings(top, scores), maxChars);
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static void removeUnlikely(Element body) {
        for (Element element : body.select("*")) {
            String tag = element.normalName();
            if (tag.equals("body") || tag.equals("article") || tag.equals("main") || element.parent() == null) {
                continue;
            }
            String names = element.className() + " " + element.id();
            if (UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find()
                    && element.select("article, main").isEmpty()) {
                element.remove();
            }
        }
    }

    private static Map<Element, Double> score(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element element : body.select("*")) {
            if (!isParagraph(element)) {
                continue;
            }
            String text = element.text();
            if (text.length() < MIN_PARAGRAPH) {
                continue;
            }
            double points = 1 + count(text, ',') + count(text, '，') + Math.min(text.length() / 100, 3);
            Element parent = element.parent();
            for (int level = 0; parent != null && level < 3; level++, parent = parent.parent()) {
                scores.merge(parent, points / (level == 0 ? 1 : level * 2), Double::sum);
            }
        }
        scores.replaceAll((element, points) -> (points + weight(element)) * (1 - linkDensity(element)));
        return scores;
    }

    private static boolean isParagraph(Element element) {
        String tag = element.normalName();
        if (PARAGRAPHS.contains(tag)) {
            return !tag.equals("section") || element.children().stream().noneMatch(child -> BLOCKS.contains(child.normalName()));
        }
        return tag.equals("div") && element.children().stream().noneMatch(child -> BLOCKS.contains(child.normalName()));
    }

    private static double weight(Element element) {
        String names = element.className() + " " + element.id();
        double weight = switch (element.normalName()) {
            case "article", "main" -> 10;
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "form", "ol", "ul", "dl", "th", "address" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6" -> -5;
            default -> 0;
        };
        if (POSITIVE.matcher(names).find()) {
            weight += 25;
        }
        if (NEGATIVE.matcher(names).find()) {
            weight -= 25;
        }
        return weight;
    }

    /**
     * The block scoring best; when three of the five best hold together under one ancestor (an
     * article split into sections), that ancestor.
     */
    private static Optional<Element> best(Map<Element, Double> scores) {
        List<Map.Entry<Element, Double>> ranked = scores.entrySet().stream()
                .filter(entry -> !entry.getKey().normalName().equals("body") && !entry.getKey().normalName().equals("html"))
                .sorted(Map.Entry.<Element, Double>comparingByValue().reversed())
                .limit(5)
                .toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        Element top = ranked.get(0).getKey();
        double topScore = ranked.get(0).getValue();
        List<Element> close = ranked.stream().skip(1).filter(entry -> entry.getValue() >= topScore * 0.75)
                .map(Map.Entry::getKey).toList();
        if (close.size() >= 2) {
            for (Element ancestor = top.parent(); ancestor != null && !ancestor.normalName().equals("body"); ancestor = ancestor.parent()) {
                Element holder = ancestor;
                if (close.stream().filter(alternative -> alternative.parents().contains(holder)).count() >= 2) {
                    return Optional.of(ancestor);
                }
            }
        }
        return Optional.of(top);
    }

    /** The top block and those of its siblings that belong to the article, as HTML, link lists dropped. */
    private static String withSiblings(Element top, Map<Element, Double> scores) {
        double threshold = Math.max(10, scores.getOrDefault(top, 0.0) * 0.2);
        StringBuilder html = new StringBuilder();
        Elements siblings = top.parent() == null ? new Elements(top) : top.parent().children();
        for (Element sibling : siblings) {
            if (sibling == top || scores.getOrDefault(sibling, 0.0) >= threshold || readsAsParagraph(sibling)) {
                Element copy = sibling.clone();
                dropLinkLists(copy);
                html.append(copy.outerHtml());
            }
        }
        return html.toString();
    }

    private static boolean readsAsParagraph(Element element) {
        if (!element.normalName().equals("p")) {
            return false;
        }
        String text = element.text();
        double links = linkDensity(element);
        return text.length() > 80 && links < 0.25 || !text.isEmpty() && links == 0 && text.endsWith(".");
    }

    private static void dropLinkLists(Element root) {
        for (Element block : root.select("ul, ol, div, table, section, p")) {
            if (block == root || block.parent() == null) {
                continue;
            }
            String text = block.text();
            boolean linkList = linkDensity(block) > 0.5 && text.length() < 300;
            boolean negative = NEGATIVE.matcher(block.className() + " " + block.id()).find() && text.length() < 500;
            if (linkList || negative) {
                block.remove();
            }
        }
    }

    private static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) {
            return 0;
        }
        int linked = element.select("a").stream().mapToInt(link -> link.text().length()).sum();
        return Math.min(1, (double) linked / length);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
