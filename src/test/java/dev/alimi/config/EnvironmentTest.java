package dev.alimi.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Catalog;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    static final String USES_VARS = """
            sites:
              s:
                base-url: https://shop.example
                headers: { Cookie: "${COOKIE}" }
                user-agent: ${UA:-alimi-test}
                proxy: ${PROXY:-}
            """ + ConfigFiles.WATCH;

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenUnsetOrEmpty() {
        Catalog c = new ConfigFiles(dir).env(Map.of("COOKIE", "c=1", "PROXY", "")).load(USES_VARS);
        assertThat(c.sites().get("s").headers()).isEqualTo(Map.of("Cookie", "c=1"));
        assertThat(c.sites().get("s").userAgent()).isEqualTo("alimi-test");
        assertThat(c.sites().get("s").proxies()).isEmpty();
    }

    @Test
    void dotEnvBesideTheConfigIsRead() {
        ConfigFiles files = new ConfigFiles(dir);
        files.write(".env", """
                # secrets for the shop
                export COOKIE="c=1; d=\\"2\\""
                UA='my agent # not a comment'
                PROXY=http://proxy.example:3128   # the office proxy

                """);
        Catalog c = files.load(USES_VARS);
        assertThat(c.sites().get("s").headers()).isEqualTo(Map.of("Cookie", "c=1; d=\"2\""));
        assertThat(c.sites().get("s").userAgent()).isEqualTo("my agent # not a comment");
        assertThat(c.sites().get("s").proxies()).containsExactly(URI.create("http://proxy.example:3128"));
    }

    @Test
    void theRealEnvironmentWinsOverDotEnv() {
        ConfigFiles files = new ConfigFiles(dir).env(Map.of("UA", "from-env"));
        files.write(".env", "COOKIE=from-dotenv\nUA=from-dotenv\n");
        Catalog c = files.load(USES_VARS);
        assertThat(c.sites().get("s").userAgent()).isEqualTo("from-env");
        assertThat(c.sites().get("s").headers()).isEqualTo(Map.of("Cookie", "from-dotenv"));
    }

    @Test
    void badDotEnvLineIsReportedWithoutItsContent() {
        ConfigFiles files = new ConfigFiles(dir).env(Map.of("COOKIE", "x"));
        files.write(".env", "GOOD=1\nthis is hunter2\n");
        List<ConfigError> errors = files.errors(USES_VARS);
        assertThat(errors).singleElement().hasToString(".env:2: expected KEY=value (a name of letters, digits and _)");
        assertThat(errors.getFirst().file()).isEqualTo(dir.resolve(".env"));
    }

    @Test
    void dollarDollarIsALiteral() {
        Catalog c = new ConfigFiles(dir).load("""
                sites:
                  s:
                    user-agent: "costs $$5 and $${NOT_A_VAR}"
                """ + ConfigFiles.WATCH);
        assertThat(c.sites().get("s").userAgent()).isEqualTo("costs $$5 and ${NOT_A_VAR}");
    }

    @Test
    void substitutedValuesAreNeverEchoedInErrors() {
        String secret = "https://hooks.slack.com/services/T000/B000/SECRETSECRET";
        ConfigFiles files = new ConfigFiles(dir).env(Map.of(
                "TIMEOUT", "sekrit-timeout", "PROXY", "ftp://user:hunter2@proxy", "SITE", "hidden-site-name",
                "STORE", "mysql://root:hunter2@db", "DETECT", "secret-recipe", "CSS", "div[[hunter2", "WEBHOOK", secret));
        List<ConfigError> errors = files.errors("""
                sites:
                  s:
                    timeout: ${TIMEOUT}
                    proxy: ${PROXY}
                watches:
                  - name: A
                    site: ${SITE}
                    url: https://shop.example/p/1
                    detect: ${DETECT}
                  - name: B
                    url: ${WEBHOOK}x y
                    detect: { css: "${CSS}", in-stock-text: Buy }
                store: ${STORE}
                """);
        assertThat(errors).extracting(ConfigError::key).containsExactly("sites.s.timeout", "sites.s.proxy",
                "watches[0].site", "watches[0].detect", "watches[1].url", "watches[1].detect.css", "store");
        assertThat(errors.get(2).message()).isEqualTo("unknown site (the value of ${SITE}); defined sites: s");
        for (ConfigError e : errors) {
            assertThat(e.toString()).doesNotContain("sekrit", "hunter2", "hidden-site-name", "secret-recipe", "SECRETSECRET");
        }
    }
}
