package dev.newsalerts.classifier.bench;

import dev.newsalerts.classifier.bench.SyntheticCorpus.BenchRule;
import dev.newsalerts.classifier.bench.SyntheticCorpus.BenchTerm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The same rules as Lucene Monitor queries: a rule is a conjunction of its groups, a group a
 * disjunction of its terms; words are term queries, phrases and Chinese words phrase queries
 * (the standard tokenizer makes each Chinese character a token), prefixes prefix queries. Title
 * and summary are two values of one field, far apart, so that no phrase spans them.
 */
final class LuceneMonitorRules implements AutoCloseable {

    private static final String FIELD = "text";
    private final Monitor monitor;

    LuceneMonitorRules(List<BenchRule> rules) {
        try {
            monitor = new Monitor(analyzer());
            List<MonitorQuery> queries = new ArrayList<>();
            for (BenchRule rule : rules) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                for (List<BenchTerm> group : rule.groups()) {
                    BooleanQuery.Builder any = new BooleanQuery.Builder();
                    group.forEach(term -> any.add(query(term), Occur.SHOULD));
                    all.add(any.build(), Occur.MUST);
                }
                queries.add(new MonitorQuery(rule.id(), all.build()));
            }
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document document(SyntheticCorpus.Story story) {
        Document document = new Document();
        document.add(new TextField(FIELD, story.title(), Field.Store.NO));
        document.add(new TextField(FIELD, story.summary(), Field.Store.NO));
        return document;
    }

    Set<String> match(Document document) {
        try {
            MatchingQueries<QueryMatch> matches = monitor.match(document, QueryMatch.SIMPLE_MATCHER);
            Set<String> ids = new TreeSet<>();
            matches.getMatches().forEach(match -> ids.add(match.getQueryId()));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int matchCount(Document document) {
        try {
            return monitor.match(document, QueryMatch.SIMPLE_MATCHER).getMatchCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }

    private static Query query(BenchTerm term) {
        String text = term.text().toLowerCase(Locale.ROOT);
        return switch (term.kind()) {
            case WORD -> new TermQuery(new Term(FIELD, text));
            case PREFIX -> new PrefixQuery(new Term(FIELD, text));
            case PHRASE -> new PhraseQuery(FIELD, text.split(" "));
            case CHINESE -> new PhraseQuery(FIELD, text.codePoints().mapToObj(Character::toString).toArray(String[]::new));
        };
    }

    private static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 1_000;
            }
        };
    }
}
