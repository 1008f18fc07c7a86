package dev.alimi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderErrorsTest {

    @TempDir
    Path dir;

    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void unknownTopLevelKeySuggestsTheClosest() {
        ConfigError e = files.error(ConfigFiles.WATCH + "chanels:\n  a: slack://T/B/C\n");
        assertThat(e.file()).isEqualTo(files.config());
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("chanels");
        assertThat(e.message()).isEqualTo("unknown key `chanels`; did you mean `channels`?");
        assertThat(e.toString()).isEqualTo("alimi.yaml:5: chanels: unknown key `chanels`; did you mean `channels`?");
    }

    @Test
    void unknownNestedKeySuggestsTheClosest() {
        ConfigError e = files.error("""
                sites:
                  coupang:
                    timout: 2s
                """ + ConfigFiles.WATCH);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("sites.coupang.timout");
        assertThat(e.message()).isEqualTo("unknown key `timout`; did you mean `timeout`?");
    }

    @Test
    void unknownKeyFarFromAnyListsTheKnownOnes() {
        ConfigError e = files.error(ConfigFiles.WATCH + "web:\n  address: 0.0.0.0\n");
        assertThat(e.key()).isEqualTo("web.address");
        assertThat(e.message()).isEqualTo("unknown key `address`; expected one of: bind, port, token");
    }

    @Test
    void unknownKeyInADetectRule() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect:
                      json-path: $.stock
                      jsonpath: $.x
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.key()).isEqualTo("watches[0].detect.jsonpath");
        assertThat(e.message()).isEqualTo("unknown key `jsonpath`; did you mean `json-path`?");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        List<ConfigError> errors = files.errors("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect: { json-path: $.stock }
                    min-stock: three
                    tags: { a: b }
                """);
        assertThat(errors).extracting(ConfigError::line, ConfigError::key, ConfigError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, "watches[0].min-stock", "expected a whole number of at least 1"),
                org.assertj.core.groups.Tuple.tuple(6, "watches[0].tags", "expected a list of strings"));
    }

    @Test
    void unknownSiteReference() {
        ConfigError e = files.error("""
                sites:
                  coupang: { rate: 1/s }
                watches:
                  - name: A
                    site: cupang
                    url: https://shop.example/p/1
                    detect: { json-path: $.stock }
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("watches[0].site");
        assertThat(e.message()).isEqualTo("unknown site `cupang`; did you mean `coupang`?");
    }

    @Test
    void siteReferenceWithNoSitesDefined() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    site: coupang
                    url: https://shop.example/p/1
                    detect: { json-path: $.stock }
                """);
        assertThat(e.message()).isEqualTo("unknown site `coupang`; no sites are defined (add them under `sites`)");
    }

    @Test
    void unknownChannelInRoutesAndAdmin() {
        List<ConfigError> errors = files.errors(ConfigFiles.WATCH + """
                channels:
                  team-slack: slack://T000/B000/XXXX
                routes:
                  - to: [team-slak, phone]
                    watches: [B]
                  - to: []
                admin: [team]
                """);
        assertThat(errors).extracting(ConfigError::toString).containsExactly(
                "alimi.yaml:8: routes[0].to[0]: unknown channel `team-slak`; did you mean `team-slack`?",
                "alimi.yaml:8: routes[0].to[1]: unknown channel `phone`; defined channels: team-slack",
                "alimi.yaml:9: routes[0].watches[0]: unknown watch `B`; did you mean `A`?",
                "alimi.yaml:10: routes[1].to: expected at least one channel name",
                "alimi.yaml:11: admin[0]: unknown channel `team`; defined channels: team-slack");
    }

    @Test
    void invalidUrlIsNotEchoed() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: ftp://shop.example/secret-token-123
                    detect: { json-path: $.stock }
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("watches[0].url");
        assertThat(e.message()).isEqualTo("expected an absolute http(s) URL like https://shop.example/p/1");
    }

    @Test
    void invalidRate() {
        ConfigError e = files.error("sites:\n  s:\n    rate: fast\n" + ConfigFiles.WATCH);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("sites.s.rate");
        assertThat(e.message()).isEqualTo("expected a rate like 1/s, 30/min or 1/2s");
    }

    @Test
    void invalidDuration() {
        ConfigError e = files.error("defaults:\n  timeout: 2 seconds\n" + ConfigFiles.WATCH);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("defaults.timeout");
        assertThat(e.message()).isEqualTo("expected a duration like 500ms, 2s or 1m");
    }

    @Test
    void duplicateWatchNames() {
        ConfigError e = files.error(ConfigFiles.WATCH + """
                  - name: A
                    url: https://shop.example/p/2
                    detect: { json-path: $.stock }
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("watches[1].name");
        assertThat(e.message()).isEqualTo("duplicate watch name `A` (first at line 2)");
    }

    @Test
    void duplicateMapKeysNameBothLines() {
        ConfigError e = files.error("""
                sites:
                  s:
                    rate: 1/s
                    timeout: 2s
                    rate: 2/s
                """ + ConfigFiles.WATCH);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("sites.s.rate");
        assertThat(e.message()).isEqualTo("duplicate key `rate` (first at line 3)");
    }

    @Test
    void emptyWatchList() {
        ConfigError e = files.error("sites: {}\nwatches: []\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("watches");
        assertThat(e.message()).isEqualTo("expected at least one watch (name, url and detect)");
    }

    @Test
    void missingWatches() {
        ConfigError e = files.error("sites: {}\n");
        assertThat(e.key()).isEqualTo("watches");
        assertThat(e.message()).startsWith("`watches` is missing");
    }

    @Test
    void missingDetectSaysWhatToWrite() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("watches[0].detect");
        assertThat(e.message()).startsWith("`detect` is required; write a rule (css/json-path/regex), e.g. `detect: {css:");
    }

    @Test
    void aDetectorNameNoRegistryKnowsIsAnError() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect: auto
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEqualTo("watches[0].detect");
        assertThat(e.message()).startsWith("unknown detector `auto`; no named detectors are available yet; write a rule");
    }

    @Test
    void unknownRecipeSuggestsAKnownOne() {
        files = new ConfigFiles(dir, new ConfigChecks(Set.of("smartstore", "coupang"), s -> Optional.empty()), Map.of());
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect: smartstor
                """);
        assertThat(e.message()).startsWith("unknown detector `smartstor`; did you mean `smartstore`? known detectors: coupang, smartstore");
    }

    @Test
    void brokenSelectorsAreReportedEach() {
        List<ConfigError> errors = files.errors("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect:
                      css: "button[["
                      in-stock-text: Buy
                      regex: "(unclosed"
                      price: { json-path: "$.." }
                  - name: B
                    url: https://shop.example/p/2
                    detect:
                      in-stock-text: [Buy]
                      in-stock: { json-path: $.s, equals: A, in: [B] }
                """);
        assertThat(errors).extracting(ConfigError::line, ConfigError::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, "watches[0].detect.css"),
                org.assertj.core.groups.Tuple.tuple(7, "watches[0].detect.regex"),
                org.assertj.core.groups.Tuple.tuple(8, "watches[0].detect.price.json-path"),
                org.assertj.core.groups.Tuple.tuple(12, "watches[1].detect.in-stock-text"),
                org.assertj.core.groups.Tuple.tuple(13, "watches[1].detect.in-stock.in"));
        assertThat(errors.get(0).message()).startsWith("not a valid CSS selector");
        assertThat(errors.get(1).message()).startsWith("not a valid regular expression: Unclosed group");
        assertThat(errors.get(2).message()).isEqualTo("not a valid JSONPath (Path must not end with a '.' or '..'); expected something like $.data.stock");
        assertThat(errors.get(3).message()).isEqualTo("`in-stock-text` needs `css` to select the elements whose text is compared");
        assertThat(errors.get(4).message()).isEqualTo("`in-stock` needs exactly one of equals, in or not-equals (found equals and in)");
    }

    @Test
    void ruleWithoutSignal() {
        ConfigError e = files.error("""
                watches:
                  - name: A
                    url: https://shop.example/p/1
                    detect:
                      price: $.price
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("watches[0].detect");
        assertThat(e.message()).startsWith("the rule has no stock signal; write a rule");
    }

    @Test
    void undefinedVariableNamesFileLineAndKey() {
        ConfigError e = files.error("sites:\n  s:\n    proxy: ${SHOP_PROXY}\n" + ConfigFiles.WATCH);
        assertThat(e.toString()).isEqualTo("alimi.yaml:3: sites.s.proxy: ${SHOP_PROXY} is not set; set SHOP_PROXY"
                + " in the environment or in .env beside the config, or write ${SHOP_PROXY:-default}");
    }

    @Test
    void channelProblemIsReportedAtItsLine() {
        files = new ConfigFiles(dir, new ConfigChecks(Set.of(),
                spec -> spec.url().startsWith("slack:") ? Optional.empty() : Optional.of("unknown channel URL scheme `foo`")),
                Map.of());
        ConfigError e = files.error(ConfigFiles.WATCH + """
                channels:
                  ok: slack://T/B/C
                  bad: foo://x
                routes:
                  - to: [bad]
                """);
        assertThat(e.toString()).isEqualTo("alimi.yaml:7: channels.bad: unknown channel URL scheme `foo`");
    }

    @Test
    void longFormChannelNeedsUrl() {
        ConfigError e = files.error(ConfigFiles.WATCH + "channels:\n  local:\n    type: discord\n");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.key()).isEqualTo("channels.local.url");
        assertThat(e.message()).startsWith("`url` is required");
    }

    @Test
    void wideBindNeedsAToken() {
        List<ConfigError> all = files.errors(ConfigFiles.WATCH + "web:\n  bind: 0.0.0.0\n  port: 70000\n");
        assertThat(all).extracting(ConfigError::toString).containsExactly(
                "alimi.yaml:6: web.bind: listening beyond loopback needs `web.token` (or ALIMI_TOKEN), so that strangers cannot use the dashboard",
                "alimi.yaml:7: web.port: expected a whole number from 1 to 65535");
    }

    @Test
    void badStore() {
        ConfigError e = files.error(ConfigFiles.WATCH + "store: mysql://user:hunter2@db/alimi\n");
        assertThat(e.toString()).isEqualTo("alimi.yaml:5: store: expected sqlite:FILE (like sqlite:alimi.db), postgresql://HOST/DB, or a jdbc:sqlite: / jdbc:postgresql: URL");
    }

    @Test
    void yamlSyntaxErrorHasItsLine() {
        ConfigError e = files.error("watches:\n  - name: A\n    url: [unclosed\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isNull();
        assertThat(e.message()).isEqualTo("invalid YAML: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence that starts at line 3)");
    }

    @Test
    void missingFileIsNamed() {
        ConfigException ex = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> files.loader().load(dir.resolve("nope.yaml")));
        assertThat(ex.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(dir.resolve("nope.yaml"));
            assertThat(e.toString()).isEqualTo("nope.yaml: the config file does not exist (create it, or pass --config PATH)");
        });
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append("]\n");
        }
        ConfigError e = files.error(y.toString());
        assertThat(e.toString()).isEqualTo("alimi.yaml: invalid YAML: too many aliases (*name) of lists or mappings; at most 20 are allowed");
    }

    @Test
    void manyErrorsAreReportedAtOnceSortedByLine() {
        List<ConfigError> errors = files.errors("""
                defaults:
                  interval: soon
                sites:
                  s:
                    rate: 0/s
                watches:
                  - name: A
                    url: not a url
                    detect: { json-path: $.stock }
                  - url: https://shop.example/p/2
                    detect: { css: "a", in-stock-text: Buy }
                    units: -1
                stor: x
                """);
        assertThat(errors).extracting(ConfigError::line).containsExactly(2, 5, 8, 10, 12, 13);
        assertThat(errors).extracting(ConfigError::key).containsExactly(
                "defaults.interval", "sites.s.rate", "watches[0].url", "watches[1].name", "watches[1].units", "stor");
        ConfigException ex = new ConfigException(errors);
        assertThat(ex.getMessage()).startsWith("6 problems in the config").contains("alimi.yaml:13: stor: unknown key `stor`; did you mean `store`?");
    }

    @Test
    void aWatchThatIsNotAMappingIsOneError() {
        ConfigError e = files.error(ConfigFiles.WATCH + "  - just a string\n");
        assertThat(e.toString()).isEqualTo("alimi.yaml:5: watches[1]: expected a watch: a mapping with name, url and detect");
    }

    @Test
    void graphqlNeedsAQueryAndOnlyOneBody() {
        List<ConfigError> errors = files.errors("""
                watches:
                  - name: A
                    url: https://shop.example/graphql
                    graphql: { variables: { id: 1 } }
                    detect: { json-path: $.stock }
                  - name: B
                    url: https://shop.example/p
                    body: "x"
                    json: { a: 1 }
                    detect: { json-path: $.stock }
                """);
        assertThat(errors).extracting(ConfigError::toString).containsExactly(
                "alimi.yaml:4: watches[0].graphql.query: `query` is required; the GraphQL query text",
                "alimi.yaml:9: watches[1].json: use only one of body, json, form or graphql (found body and json)");
    }

    @Test
    void hugeFileIsRefusedWithoutReadingItAll() throws Exception {
        java.nio.file.Files.write(files.config(), new byte[2 * 1024 * 1024]);
        ConfigException ex = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> files.loader().load(files.config()));
        assertThat(ex.errors()).singleElement().hasToString(
                "alimi.yaml: the file is larger than 1 MB; a config file should be far smaller");
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        java.nio.file.Files.write(files.config(), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        ConfigException ex = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> files.loader().load(files.config()));
        assertThat(ex.errors()).singleElement().hasToString("alimi.yaml: the file is not valid UTF-8 text");
    }
}
