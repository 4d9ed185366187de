package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule files and rules that docs/RULES.md shows compile: a newcomer copies them. */
class RulesDocTest {

    private static final Path RULES_DOC = Path.of("../docs/RULES.md");

    @Test
    void everyRuleFileAndRuleTheDocShowsCompiles() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(RULES_DOC));
        while (yaml.find()) {
            blocks.add(yaml.group(1));
        }
        String firstFile = blocks.get(0);
        String groups = firstFile.substring(0, firstFile.indexOf("rules:"))
                + "  cloud-price: [price~, 价格]\n"; // the one group a snippet names that the first file has not
        int snippets = 0;
        for (String block : blocks) {
            String file = block.startsWith("groups:") ? block : groups + "rules:\n" + block;
            assertThat(RuleSet.compile(file.getBytes(StandardCharsets.UTF_8), "RULES.md").ruleIds()).as(block).isNotEmpty();
            snippets += block.startsWith("groups:") ? 0 : 1;
        }
        assertThat(snippets).as("rules shown without their groups").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theSentenceExampleOfTheDocFiresAsItSays() throws IOException {
        String doc = Files.readString(RULES_DOC);
        String firstFile = doc.substring(doc.indexOf("```yaml\n") + 8, doc.indexOf("```", doc.indexOf("```yaml\n") + 8));
        String rule = "rules:\n  - id: dispute-in-one-sentence\n    within: sentence\n"
                + "    atLeast: {count: 2, of: [microsoft, openai, amazon]}\n    all: [dispute]\n";
        assertThat(doc).contains(rule.substring("rules:\n".length()));
        RuleSet rules = RuleSet.compile((firstFile.substring(0, firstFile.indexOf("rules:")) + rule).getBytes(StandardCharsets.UTF_8), "doc");

        assertThat(rules.classify("", "Microsoft reports record revenue. OpenAI launches a model. Amazon faces a lawsuit.")).isEmpty();
        assertThat(rules.classify("", "Microsoft sues OpenAI and Amazon over the exclusive deal.")).hasSize(1);
        assertThat(rules.classify("", "微软就独家云协议对OpenAI和亚马逊发起法律战。")).hasSize(1);
    }
}
