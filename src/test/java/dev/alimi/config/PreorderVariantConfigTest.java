package dev.alimi.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Catalog;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Watch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preorder} on defaults, sites and watches, and a watch's {@code variant}. */
class PreorderVariantConfigTest {

    /** Stands in for the detect registry: only shopify and auto choose variants. */
    private static final ConfigChecks CHECKS = new ConfigChecks(Set.of("auto", "shopify", "woocommerce"),
            channel -> Optional.empty(), (spec, url) -> spec instanceof DetectSpec.Recipe r && Set.of("auto", "shopify").contains(r.name())
                    ? Optional.empty() : Optional.of("cannot choose a variant here"));

    @TempDir
    Path dir;

    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir, CHECKS, Map.of());
    }

    private static Map<String, Watch> byName(Catalog c) {
        return c.watches().stream().collect(Collectors.toMap(Watch::name, Function.identity()));
    }

    @Test
    void preorderInheritsFromSiteThenDefaultsAndVariantIsText() {
        Map<String, Watch> w = byName(files.load("""
                defaults:
                  preorder: true
                sites:
                  strict:
                    base-url: https://strict.example
                    preorder: false
                  loose:
                    base-url: https://loose.example
                watches:
                  - name: from defaults
                    url: https://other.example/p/1
                    detect: auto
                  - name: from site
                    site: strict
                    url: https://strict.example/p/1
                    detect: auto
                  - name: by host
                    url: https://strict.example/p/2
                    detect: auto
                  - name: own
                    site: strict
                    url: https://strict.example/p/3
                    detect: auto
                    preorder: yes
                  - name: named site without the key
                    site: loose
                    url: https://loose.example/products/mask.js
                    detect: shopify
                    variant: 39402345
                """));
        assertThat(w.get("from defaults").preorder()).isTrue();
        assertThat(w.get("from site").preorder()).isFalse();
        assertThat(w.get("by host").preorder()).as("a watch matched to a site by host takes the site's").isFalse();
        assertThat(w.get("own").preorder()).isTrue();
        assertThat(w.get("named site without the key").preorder()).isTrue();
        assertThat(w.get("named site without the key").variant()).isEqualTo("39402345");
        assertThat(w.get("from defaults").variant()).isNull();
    }

    @Test
    void preorderIsFalseWhenNothingSetsIt() {
        Watch w = files.load("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect: auto
                """).watches().getFirst();
        assertThat(w.preorder()).isFalse();
    }

    @Test
    void preorderMustBeABoolean() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect: auto
                    preorder: maybe
                """);
        assertThat(e.toString()).isEqualTo("alimi.yaml:5: watches[0].preorder: expected true or false");
    }

    @Test
    void preorderOnDefaultsAndSitesMustBeABooleanToo() {
        List<ConfigError> errors = files.errors("""
                defaults:
                  preorder: sometimes
                sites:
                  shop:
                    preorder: [true]
                watches:
                  - name: A
                    site: shop
                    url: https://shop.example/p/1
                    detect: auto
                """);
        assertThat(errors).extracting(ConfigError::toString).containsExactlyInAnyOrder(
                "alimi.yaml:2: defaults.preorder: expected true or false",
                "alimi.yaml:5: sites.shop.preorder: expected true or false");
    }

    @Test
    void variantMustBeAnIdWithoutSpaces() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/products/mask.js
                    detect: shopify
                    variant: "white 50"
                """);
        assertThat(e.toString()).isEqualTo(
                "alimi.yaml:5: watches[0].variant: expected a variant id like 39402345 (letters, digits and _:/.- only)");
    }

    @Test
    void variantMustBeOneValue() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/products/mask.js
                    detect: shopify
                    variant: [1, 2]
                """);
        assertThat(e.key()).isEqualTo("watches[0].variant");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.message()).isEqualTo("expected a variant id like 39402345");
    }

    @Test
    void variantWithADetectorThatCannotChooseItIsAnErrorAtTheVariantLine() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/wp-json/wc/store/v1/products/90
                    detect: woocommerce
                    variant: 92
                """);
        assertThat(e.toString()).isEqualTo("alimi.yaml:5: watches[0].variant: cannot choose a variant here");
    }

    @Test
    void misspelledKeysSuggestTheNewOnes() {
        List<ConfigError> errors = files.errors("""
                defaults:
                  pre-order: true
                watches:
                  - name: A
                    url: https://shop.example/products/mask.js
                    detect: shopify
                    preoder: true
                    varient: 1
                """);
        assertThat(errors).extracting(ConfigError::message).containsExactlyInAnyOrder(
                "unknown key `pre-order`; did you mean `preorder`?",
                "unknown key `preoder`; did you mean `preorder`?",
                "unknown key `varient`; did you mean `variant`?");
    }

    @Test
    void theWatchKeyListNamesThem() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect: auto
                    zzzzzzzzzzzz: 1
                """);
        assertThat(e.message()).contains("preorder").contains("variant");
    }
}
