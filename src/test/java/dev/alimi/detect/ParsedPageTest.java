package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shortcuts ParsedPage takes on big pages give what the plain jsoup calls give. */
class ParsedPageTest {

    @ParameterizedTest
    @MethodSource("dev.alimi.detect.LeanHtmlRealPagesTest#pages")
    void walksEveryElementInDocumentOrderAndReadsTheLeanCopyAsItsString(String file) throws IOException {
        String body = Files.readString(AutoOnRealPagesTest.corpus().resolve(file), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(body);

        assertThat(ParsedPage.allElements(doc)).containsExactlyElementsOf(doc.getAllElements());
        assertThat(ParsedPage.allElements(doc.body())).containsExactlyElementsOf(doc.body().getAllElements());
        assertThat(read(LeanHtml.reader(body, new ProductArea.Verdicts()))).isEqualTo(LeanHtml.of(body));
    }

    @Test
    void readsAPageWithNothingToCutAsItIs() throws IOException {
        String body = "<p>Sold out</p><!-- x -->";

        assertThat(LeanHtml.of(body)).isSameAs(body);
        assertThat(read(LeanHtml.reader(body, new ProductArea.Verdicts()))).isEqualTo(body);
    }

    @Test
    void readsACutPageAsTheLeanString() throws IOException {
        String body = "<p>x</p><script>" + "var a = 1;".repeat(20) + "</script><p>Sold out</p>";

        String lean = LeanHtml.of(body);
        assertThat(lean).isEqualTo("<p>x</p><script></script><p>Sold out</p>");
        assertThat(read(LeanHtml.reader(body, new ProductArea.Verdicts()))).isEqualTo(lean);
    }

    @Test
    void listsNestedElementsParentFirst() {
        Document doc = Jsoup.parse("<div id=a><p id=b>t<span id=c></span></p>x<p id=d></p></div><i id=e></i>");

        assertThat(ParsedPage.allElements(doc.body()).stream().map(e -> e.id().isEmpty() ? e.normalName() : e.id()))
                .containsExactly("body", "a", "b", "c", "d", "e");
    }

    private static String read(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[777];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) out.append(buffer, 0, n);
        return out.toString();
    }
}
