package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A table reading back what it wrote takes the value it wrote; anything else is decoded as before. */
class OwnWritesTest {

    private final OwnWrites<String> own = new OwnWrites<>();

    @Test
    void aWriteIsTakenOnceWhenReadBackAndAnotherWritersRecordIsNot() {
        String json = own.remember("{\"state\":\"delivered\"}", "delivered");

        assertThat(own.readBack(new String(json.toCharArray()))).as("the record read back from Kafka").isEqualTo("delivered");
        assertThat(own.readBack(json)).as("read a second time: decoded").isNull();
        assertThat(own.readBack("{\"state\":\"retrying\"}")).as("written by another instance").isNull();
    }

    @Test
    void aTablesDecoderTakesItsOwnWriteAndDecodesTheRest() throws Exception {
        FollowedTable.Decoder<String> decoder = own.orDecode(encoded -> "decoded " + encoded);
        String json = own.remember("{\"state\":\"delivered\"}", "delivered");

        assertThat(decoder.decode(new String(json.toCharArray()))).isEqualTo("delivered");
        assertThat(decoder.decode(json)).as("read a second time").isEqualTo("decoded " + json);
        assertThat(decoder.decode("{\"state\":\"retrying\"}")).isEqualTo("decoded {\"state\":\"retrying\"}");
    }

    @Test
    void writesNeverReadBackDoNotPileUp() {
        for (int i = 0; i <= OwnWrites.LIMIT; i++) {
            own.remember("{\"n\":" + i + "}", "n" + i);
        }

        assertThat(own.readBack("{\"n\":0}")).as("forgotten").isNull();
        assertThat(own.readBack("{\"n\":" + OwnWrites.LIMIT + "}")).isEqualTo("n" + OwnWrites.LIMIT);
    }
}
