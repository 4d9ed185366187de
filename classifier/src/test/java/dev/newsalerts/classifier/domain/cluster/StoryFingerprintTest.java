package dev.newsalerts.classifier.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class StoryFingerprintTest {

    private static final StoryFingerprint ALIYUN = StoryFingerprint.of("Alibaba Cloud cuts prices by up to 55%",
            "Alibaba Cloud said it would lower list prices of more than 1,500 products, according to OpenAI's rival.");

    @Test
    void traditionalAndSimplifiedCopiesOfAStoryGetTheSameFingerprint() {
        StoryFingerprint simplified = StoryFingerprint.of("阿里云宣布核心产品降价 最高降幅达55%", "阿里云周三宣布，旗下500多款云产品官网价格下调。");
        StoryFingerprint traditional = StoryFingerprint.of("阿里雲宣布核心產品降價 最高降幅達55%", "阿里雲週三宣布，旗下500多款雲產品官網價格下調。");

        assertThat(traditional.similarity(simplified)).isEqualTo(1.0);
        assertThat(traditional).isEqualTo(simplified);
    }

    @Test
    void fullWidthAndCaseFoldToTheSameFingerprint() {
        StoryFingerprint fullWidth = StoryFingerprint.of("ＯｐｅｎＡＩ ＳＵＥＳ ＭＩＣＲＯＳＯＦＴ", "");
        StoryFingerprint plain = StoryFingerprint.of("OpenAI sues Microsoft", "");

        assertThat(fullWidth.similarity(plain)).isEqualTo(1.0);
    }

    @Test
    void numbersAreNormalisedAndCommonOnesLeftOut() {
        StoryFingerprint story = StoryFingerprint.of("Shares rose 12% to $1,500.50", "Sales were 3 times higher in 2025; 1,500 jobs and 46.70 billion.");

        assertThat(story.numbers()).containsExactly("12", "1500", "1500.5", "46.7");
    }

    @Test
    void namesAreCapitalisedWordsThatDoNotOpenASentenceAndModelNamesWithDigits() {
        StoryFingerprint story = StoryFingerprint.of("Xiaomi launches the SU7", "Shares of Xiaomi rose on Friday after Lei Jun said orders beat forecasts.");

        assertThat(story.names()).contains("xiaomi", "lei", "jun", "su7").doesNotContain("shares", "friday", "orders");
    }

    @Test
    void aRewriteIsLessSimilarThanACopyAndAnotherStoryLeastOfAll() {
        StoryFingerprint copy = StoryFingerprint.of("Alibaba Cloud cuts prices by up to 55 percent",
                "Alibaba Cloud said it would lower list prices of more than 1,500 products, according to OpenAI's rival. Prices take effect now.");
        StoryFingerprint rewrite = StoryFingerprint.of("China's largest cloud slashes prices, some by 55%",
                "Alibaba's cloud arm is cutting what it charges for over 1500 products.");
        StoryFingerprint other = StoryFingerprint.of("Nvidia revenue jumps 62%", "Data center demand lifted sales to a record.");

        assertThat(ALIYUN.similarity(copy)).isGreaterThan(ALIYUN.similarity(rewrite));
        assertThat(ALIYUN.similarity(rewrite)).isGreaterThan(ALIYUN.similarity(other));
        assertThat(ALIYUN.similarity(ALIYUN)).isEqualTo(1.0);
    }

    @Test
    void aStoryWithoutWordsIsSimilarToNothing() {
        StoryFingerprint empty = StoryFingerprint.of("", null);

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.similarity(empty)).isZero();
        assertThat(empty.similarity(ALIYUN)).isZero();
    }

    @Test
    void encodingAndDecodingGiveTheSameFingerprint() {
        String encoded = ALIYUN.encode();

        assertThat(encoded).startsWith("v1:").hasSizeLessThan(800);
        StoryFingerprint decoded = StoryFingerprint.decode(encoded);
        assertThat(decoded).isEqualTo(ALIYUN);
        assertThat(decoded.similarity(ALIYUN)).isEqualTo(1.0);
        assertThat(decoded.numbers()).isEqualTo(ALIYUN.numbers());
        assertThat(decoded.names()).isEqualTo(ALIYUN.names());
    }

    @Test
    void decodingSomethingElseFailsSayingWhy() {
        String valid = ALIYUN.encode();
        byte[] bytes = Base64.getUrlDecoder().decode(valid.substring(3));
        String cutShort = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(bytes, 100));
        String tooLong = valid + "AAAA";

        assertThatThrownBy(() -> StoryFingerprint.decode("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a story fingerprint").hasMessageContaining("v1:");
        assertThatThrownBy(() -> StoryFingerprint.decode(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoryFingerprint.decode("v1:not base64!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> StoryFingerprint.decode(cutShort)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> StoryFingerprint.decode(tooLong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too many");
        assertThatThrownBy(() -> StoryFingerprint.decode("v2:" + valid.substring(3))).isInstanceOf(IllegalArgumentException.class);
    }
}
