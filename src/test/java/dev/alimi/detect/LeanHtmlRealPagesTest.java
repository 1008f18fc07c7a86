package dev.alimi.detect;

import dev.alimi.model.Page;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every HTML page of the shared corpus reads the same through the lean parse as through the whole one. */
class LeanHtmlRealPagesTest {

    static Stream<String> pages() throws IOException {
        Path corpus = AutoOnRealPagesTest.corpus();
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> p.toString().endsWith(".html")).map(p -> corpus.relativize(p).toString()).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void leanAndWholeParsesReadTheSame(String file) throws IOException {
        String body = Files.readString(AutoOnRealPagesTest.corpus().resolve(file), StandardCharsets.UTF_8);

        LeanReading.assertSame(new Page(URI.create("https://fixture.example/" + file), 200, "text/html", body, TestPages.AT));
    }
}
