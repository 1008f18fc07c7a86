package dev.alimi.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LocationsTest {

    private static final URI BASE = URI.create("https://shop.example/a/b?x=1");

    @Test
    void resolvesRelativeAndAbsoluteLocations() throws Exception {
        assertThat(Locations.resolve(BASE, "c")).isEqualTo(URI.create("https://shop.example/a/c"));
        assertThat(Locations.resolve(BASE, "/login?next=/a")).isEqualTo(URI.create("https://shop.example/login?next=/a"));
        assertThat(Locations.resolve(BASE, "//cdn.example/p")).isEqualTo(URI.create("https://cdn.example/p"));
        assertThat(Locations.resolve(BASE, "http://other.example/")).isEqualTo(URI.create("http://other.example/"));
    }

    @Test
    void escapesRawHangulAndSpaces() throws Exception {
        assertThat(Locations.resolve(BASE, "/검색 결과"))
                .isEqualTo(URI.create("https://shop.example/%EA%B2%80%EC%83%89%20%EA%B2%B0%EA%B3%BC"));
    }
}
