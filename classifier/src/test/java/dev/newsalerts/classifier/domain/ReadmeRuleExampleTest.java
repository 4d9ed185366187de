package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule file of the README's "Write a rule" compiles and does what the README says of it. */
class ReadmeRuleExampleTest {

    @Test
    void theReadmeRuleFileCompilesAndFiresAsTheReadmeSays() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf("## Write a rule");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String file = readme.substring(start, readme.indexOf("```", start));
        RuleSet rules = RuleSet.compile(file.getBytes(StandardCharsets.UTF_8), "README.md");
        assertThat(rules.ruleIds()).containsExactly("firms-in-a-dispute", "mostly-about-openai", "dispute-in-the-article");

        String digest = "Microsoft reshuffles its Azure sales teams.\nOpenAI names a new research chief.\n"
                + "Amazon faces a lawsuit over warehouse injuries.";
        assertThat(fired(rules, "Tech morning brief", digest)).isEmpty();
        assertThat(fired(rules, "Cloud row escalates",
                "Microsoft threatens to sue OpenAI and Amazon over the cloud contract."))
                .containsExactly("firms-in-a-dispute", "dispute-in-the-article");
        assertThat(fired(rules, "OpenAI's week", "OpenAI ships a model. Investors ask OpenAI about costs."))
                .containsExactly("mostly-about-openai");
        assertThat(fired(rules, "OpenAI's week", "It ships a model. Investors ask about costs.")).isEmpty();

        String article = "The talks began in spring.\n\nMicrosoft threatens to sue OpenAI and Amazon over the cloud contract.";
        assertThat(rules.classify("Cloud row escalates", "Read more.", article)).extracting(RuleMatch::ruleId)
                .as("only the rule that names content sees the article").containsExactly("dispute-in-the-article");
        assertThat(rules.classify("Tech morning brief", "Read more.", digest)).isEmpty();
        assertThat(rules.classify("Cloud row escalates", "Read more.", null)).isEmpty();
    }

    private static List<String> fired(RuleSet rules, String title, String summary) {
        return rules.classify(title, summary).stream().map(RuleMatch::ruleId).toList();
    }
}
