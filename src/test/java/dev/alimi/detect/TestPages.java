package dev.alimi.detect;

import dev.alimi.model.DetectSpec;
import dev.alimi.model.InStockCondition;
import dev.alimi.model.Page;
import dev.alimi.model.ValueSelector;
import dev.alimi.model.Watch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Builders for pages, watches and rules used across the detect tests. */
final class TestPages {

    static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    static final URI URL = URI.create("https://shop.example/p/9");

    private TestPages() {}

    static Page html(String body) {
        return new Page(URL, 200, "text/html; charset=utf-8", body, AT);
    }

    static Page json(String body) {
        return new Page(URL, 200, "application/json", body, AT);
    }

    static Page page(int status, URI url, String contentType, String body) {
        return new Page(url, status, contentType, body, AT);
    }

    /** A synthetic page from src/test/resources/dev/alimi/detect. */
    static String resource(String name) {
        try (InputStream in = TestPages.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Watch watch(DetectSpec spec) {
        return new Watch("test watch", "shop", URL, null, null, spec, null, null, null, null, null, List.of());
    }

    static DetectSpec.Rule css(String css, List<String> in, List<String> out) {
        return new DetectSpec.Rule(css, in, out, null, null, null, null, null);
    }

    static DetectSpec.Rule jsonPath(String path) {
        return new DetectSpec.Rule(null, null, null, path, null, null, null, null);
    }

    static DetectSpec.Rule condition(InStockCondition condition) {
        return new DetectSpec.Rule(null, null, null, null, condition, null, null, null);
    }

    static DetectSpec.Rule regex(String in, String out) {
        return new DetectSpec.Rule(null, null, null, null, null, in, out, null);
    }

    static InStockCondition equalsAt(ValueSelector at, String value) {
        return new InStockCondition(at, value, null, null);
    }

    static DetectSpec.Rule withPrice(DetectSpec.Rule rule, ValueSelector price) {
        return new DetectSpec.Rule(rule.css(), rule.inStockText(), rule.outOfStockText(), rule.jsonPath(),
                rule.inStock(), rule.regex(), rule.outOfStockRegex(), price);
    }
}
