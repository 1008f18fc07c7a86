package dev.alimi.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {

    private static final long FIVE_MB = 5L * 1024 * 1024;

    @Test
    void gzipBombStopsAtTheCapWithBoundedAllocation() throws Exception {
        byte[] bomb = SiteFetcherBodyTest.gzipBomb(100L * 1024 * 1024);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> new ContentDecoder(FIVE_MB).decode(bomb, "gzip"))
                .isInstanceOf(FetchFailure.class)
                .hasMessage("decoded body over 5 MB");

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Decoding all 100 MB would allocate well over 100 MB; stopping at the cap stays near a few times 5 MB.
        assertThat(allocated).isLessThan(40L * 1024 * 1024);
    }

    @Test
    void stackedEncodingsAreUndoneInReverse() throws Exception {
        byte[] text = "재입고 알림".getBytes(StandardCharsets.UTF_8);
        byte[] twice = SiteFetcherBodyTest.gzip(SiteFetcherBodyTest.deflate(text, true));

        assertThat(new ContentDecoder(FIVE_MB).decode(twice, "deflate, gzip")).isEqualTo(text);
    }

    @Test
    void identityAndMissingEncodingPassThrough() throws Exception {
        byte[] text = {1, 2, 3};
        assertThat(new ContentDecoder(10).decode(text, null)).isEqualTo(text);
        assertThat(new ContentDecoder(10).decode(text, "Identity")).isEqualTo(text);
    }

    @Test
    void truncatedGzipFails() throws Exception {
        byte[] whole = SiteFetcherBodyTest.gzip(new byte[10_000]);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> new ContentDecoder(FIVE_MB).decode(cut, "gzip"))
                .isInstanceOf(FetchFailure.class)
                .hasMessageStartingWith("corrupt gzip body");
    }

    @Test
    void zlibHeaderIsRecognised() throws Exception {
        assertThat(ContentDecoder.looksZlibWrapped(SiteFetcherBodyTest.deflate(new byte[5], true))).isTrue();
        assertThat(ContentDecoder.looksZlibWrapped(SiteFetcherBodyTest.deflate("hello".getBytes(), false))).isFalse();
    }
}
