package dev.alimi.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProxyRouteTest {

    @Test
    void labelHidesThePassword() {
        ProxyRoute p = ProxyRoute.of(URI.create("http://user:pa%3Ass@proxy.example:3128"));
        assertThat(p.label()).isEqualTo("http://user:***@proxy.example:3128");
        assertThat(p.toString()).doesNotContain("pa%3Ass").doesNotContain("pa:ss");
        assertThat(p.authorization()).isEqualTo("Basic dXNlcjpwYTpzcw=="); // user:pa:ss
    }

    @Test
    void defaultPortAndNoCredentials() {
        ProxyRoute p = ProxyRoute.of(URI.create("http://proxy.example"));
        assertThat(p.address().getPort()).isEqualTo(80);
        assertThat(p.authorization()).isNull();
        assertThat(p.label()).isEqualTo("http://proxy.example:80");
    }

    @Test
    void redactsEveryUserInfoInText() {
        assertThat(ProxyRoute.redact("via http://a:b@h:1 and https://c:d@e/f"))
                .isEqualTo("via http://a:***@h:1 and https://c:***@e/f");
        assertThat(ProxyRoute.redact("http://host/path@x")).isEqualTo("http://host/path@x");
    }
}
