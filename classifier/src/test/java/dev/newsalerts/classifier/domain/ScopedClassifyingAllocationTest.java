package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Sentences, paragraphs and the lead, of the summary and of the content, are worked out in buffers
 * each thread reuses: a story that fires nothing allocates nothing.
 */
class ScopedClassifyingAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void evaluatingSentenceParagraphAndLeadRulesOnAStoryThatFiresNoneAllocatesNothing() {
        RuleSet rules = RuleSet.compile("""
                groups:
                  microsoft: [Microsoft, 微软]
                  openai: [OpenAI]
                  amazon: [Amazon, 亚马逊]
                  dispute: [lawsuit~, 法律战]
                rules:
                  - {id: sentence, within: sentence, atLeast: {count: 2, of: [microsoft, openai, amazon]}, all: [dispute]}
                  - {id: paragraph, within: paragraph, all: [microsoft, openai, dispute], mentions: {dispute: 3}}
                  - {id: lead, fields: [lead], all: [microsoft, openai, amazon, dispute]}
                  - {id: content-sentence, fields: [title, summary, content], within: sentence, all: [microsoft, openai, dispute]}
                  - {id: content-paragraph, fields: [lead, content], within: paragraph, all: [openai, amazon], mentions: {amazon: 2}}
                  - {id: in-content, fields: [title, content], atLeast: {count: 3, of: [microsoft, openai, amazon], in: content}, all: {of: [dispute], in: title}}
                """.getBytes(StandardCharsets.UTF_8), "allocation.yaml");
        String title = "Morning briefing: Mr. Nadella speaks";
        String summary = "Microsoft reports record cloud revenue. OpenAI launches a new model. Prices rose 3.5 percent. "
                + "Amazon faces a lawsuit over warehouse safety. 微软发布新财报。亚马逊卷入法律战。";
        String content = "The briefing in full.\n\n" + ("Microsoft reports record cloud revenue. OpenAI launches a new model.\n"
                + "Amazon faces a lawsuit over warehouse safety. 微软发布新财报。\n\n").repeat(10) + "Mr. Nadella spoke last.";
        for (int i = 0; i < 20_000; i++) {
            assertThat(rules.classify(title, summary, i % 2 == 0 ? content : null)).isEmpty();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        int empty = 0;
        for (int i = 0; i < 10_000; i++) {
            empty += rules.classify(title, summary, i % 2 == 0 ? content : null).isEmpty() ? 1 : 0;
        }
        long perStory = (THREADS.getCurrentThreadAllocatedBytes() - before) / 10_000;

        assertThat(empty).isEqualTo(10_000);
        assertThat(perStory).as("bytes allocated per story").isLessThan(16);
    }
}
