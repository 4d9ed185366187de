package dev.newsalerts.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildJvmTest {

    @Test
    void childrenHandBackFreedNativeMemoryOnlyWhereTheirJvmKnowsHow() {
        assertThat(ChildJvm.nativeHeapTrim(Runtime.Version.parse("17.0.15"), "Linux")).contains("-XX:TrimNativeHeapInterval=10000");
        assertThat(ChildJvm.nativeHeapTrim(Runtime.Version.parse("21.0.1"), "Linux")).isNotEmpty();
        assertThat(ChildJvm.nativeHeapTrim(Runtime.Version.parse("25.0.3"), "Linux")).isNotEmpty();
        assertThat(ChildJvm.nativeHeapTrim(Runtime.Version.parse("17.0.8"), "Linux")).as("before the option").isEmpty();
        assertThat(ChildJvm.nativeHeapTrim(Runtime.Version.parse("21"), "Linux")).as("21.0.0").isEmpty();
        assertThat(ChildJvm.nativeHeapTrim(Runtime.Version.parse("19.0.2"), "Linux")).isEmpty();
        assertThat(ChildJvm.nativeHeapTrim(Runtime.Version.parse("25.0.3"), "Mac OS X")).as("glibc only").isEmpty();
    }
}
