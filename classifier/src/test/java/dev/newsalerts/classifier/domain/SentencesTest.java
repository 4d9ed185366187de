package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> sentences(String text) {
        Sentences.Ends ends = new Sentences().of(text, new Sentences.Ends());
        return pieces(text, ends);
    }

    private static List<String> paragraphs(String text) {
        return pieces(text, Sentences.paragraphsOf(text, new Sentences.Ends()));
    }

    private static List<String> pieces(String text, Sentences.Ends ends) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < ends.count; i++) {
            pieces.add(text.substring(ends.startOf(i), ends.at[i]).strip());
        }
        return pieces;
    }

    @Test
    void latinSentencesEndAtTheirPunctuationButNotAfterAbbreviationsOrInDecimals() {
        assertThat(sentences("U.S. regulators met Microsoft. Mr. Nadella said prices rose 3.5 percent! Did Dr. Smith agree? "
                + "The U.S. Federal Trade Commission, e.g. Its chair, sued."))
                .containsExactly("U.S. regulators met Microsoft.", "Mr. Nadella said prices rose 3.5 percent!", "Did Dr. Smith agree?",
                        "The U.S. Federal Trade Commission, e.g. Its chair, sued.");
    }

    @Test
    void chineseSentencesEndAtFullStopsExclamationsQuestionsAndSemicolons() {
        assertThat(sentences("微软起诉OpenAI。亚马逊投资！真的吗？第一条；第二条"))
                .containsExactly("微软起诉OpenAI。", "亚马逊投资！", "真的吗？", "第一条；", "第二条");
    }

    @Test
    void aBulletAndALineBreakStartANewSentence() {
        assertThat(sentences("Microsoft earnings • OpenAI model • Amazon lawsuit")).containsExactly("Microsoft earnings", "• OpenAI model",
                "• Amazon lawsuit");
        assertThat(sentences("Microsoft earnings\nAmazon lawsuit")).containsExactly("Microsoft earnings", "Amazon lawsuit");
    }

    @Test
    void blankLinesBetweenParagraphsAreNoSentencesOfTheirOwn() {
        // The lead counts sentences: an empty one after each paragraph would cut it short.
        assertThat(sentences("Microsoft objects.\n\nOpenAI and Amazon disagree.\n \n\nA third.")).containsExactly("Microsoft objects.",
                "OpenAI and Amazon disagree.", "A third.");
    }

    @Test
    void paragraphsEndAtBlankLines() {
        assertThat(paragraphs("One. Two.\nStill two.\n\n  Three.\u2029Four")).containsExactly("One. Two.\nStill two.", "Three.", "Four");
        assertThat(paragraphs("No break at all. None.")).containsExactly("No break at all. None.");
    }
}
