package dev.alimi.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageCharsetTest {

    @Test
    void contentTypeWinsOverMeta() {
        byte[] body = "<meta charset=euc-kr>".getBytes(StandardCharsets.US_ASCII);
        assertThat(PageCharset.detect(body, "text/html; charset=\"Shift_JIS\"")).isEqualTo(Charset.forName("Shift_JIS"));
    }

    @Test
    void metaBeyondTheSniffWindowIsIgnored() {
        String late = " ".repeat(PageCharset.SNIFF_BYTES) + "<meta charset=euc-kr>";
        assertThat(PageCharset.detect(late.getBytes(StandardCharsets.US_ASCII), "text/html"))
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void metaWithSingleQuotesAndSpaces() {
        byte[] body = "<head><meta http-equiv='content-type' content='text/html; charset = EUC-KR'>"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(PageCharset.detect(body, null)).isEqualTo(Charset.forName("x-windows-949"));
    }

    @Test
    void unknownOrIllegalLabelsAreEmpty() {
        assertThat(PageCharset.lookup("no-such-thing")).isEmpty();
        assertThat(PageCharset.lookup("???")).isEmpty();
    }

    @Test
    void byteOrderMarkWins() {
        byte[] utf16 = "\uFEFF품절".getBytes(StandardCharsets.UTF_16BE);
        assertThat(PageCharset.decode(utf16, "text/html; charset=euc-kr")).isEqualTo("품절");
        byte[] utf8 = "\uFEFFok".getBytes(StandardCharsets.UTF_8);
        assertThat(PageCharset.decode(utf8, null)).isEqualTo("ok");
    }
}
