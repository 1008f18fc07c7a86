package dev.alimi.detect;

import static dev.alimi.detect.TestPages.css;
import static dev.alimi.detect.TestPages.resource;
import static dev.alimi.detect.TestPages.watch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTriageTest {

    private static final String IN_STOCK_PAGE = "<html><body><button class=buy>구매하기</button></body></html>";

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation decide(Page page) {
        return detection.decide(watch(css("button.buy", List.of("구매하기"), List.of("품절"))), page);
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
        "500, ERROR,   HTTP 500",
        "503, ERROR,   HTTP 503",
        "403, BLOCKED, HTTP 403",
        "401, BLOCKED, HTTP 401",
        "407, BLOCKED, HTTP 407",
        "429, BLOCKED, HTTP 429 (rate limited)",
        "404, ERROR,   HTTP 404",
        "302, ERROR,   HTTP 302",
    })
    void statusDecidesBeforeTheBody(int status, Availability expected, String evidence) {
        // The body would say in stock: an error page must never be read as the product.
        Observation o = decide(TestPages.page(status, TestPages.URL, "text/html", IN_STOCK_PAGE));

        assertThat(o.availability()).isEqualTo(expected);
        assertThat(o.evidence()).isEqualTo(evidence);
        assertThat(o.detector()).isEqualTo("triage");
    }

    @Test
    void emptyOrBlankBodyIsUnknown() {
        assertThat(decide(TestPages.html("")).availability()).isEqualTo(Availability.UNKNOWN);
        Observation blank = decide(TestPages.html(" \n\t "));
        assertThat(blank.availability()).isEqualTo(Availability.UNKNOWN);
        assertThat(blank.evidence()).isEqualTo("empty body");
        assertThat(decide(TestPages.page(200, TestPages.URL, null, null)).evidence()).isEqualTo("empty body");
    }

    @Test
    void smallCaptchaPageIsBlocked() {
        Observation o = decide(TestPages.html(resource("captcha-small.html")));

        assertThat(o.availability()).isEqualTo(Availability.BLOCKED);
        assertThat(o.evidence()).startsWith("captcha page");
    }

    @Test
    void captchaMarkersBySpellingAreBlocked() {
        for (String marker : List.of("<div class=\"h-captcha\" data-sitekey=x></div>",
                "<div class=\"cf-turnstile\" data-sitekey=x></div>")) {
            assertThat(decide(TestPages.html("<html><body><p>Verify</p>" + marker + "</body></html>")).availability())
                    .as(marker).isEqualTo(Availability.BLOCKED);
        }
    }

    @Test
    void productPageWithANewsletterCaptchaLookalikeIsNotBlocked() {
        Observation o = decide(TestPages.html(resource("product-with-newsletter-captcha.html")));

        assertThat(o.availability()).isNotEqualTo(Availability.BLOCKED);
    }

    @Test
    void loginFormPageIsBlocked() {
        Observation o = decide(TestPages.html(resource("login-wall.html")));

        assertThat(o.availability()).isEqualTo(Availability.BLOCKED);
        assertThat(o.evidence()).isEqualTo("login page (password field, little else)");
    }

    @Test
    void loginUrlIsBlocked() {
        for (String url : List.of("https://shop.example/member/login?return=/p/9",
                "https://nid.naver.com/nidlogin.login?url=x", "https://shop.example/account/SignIn")) {
            Observation o = decide(TestPages.page(200, URI.create(url), "text/html", IN_STOCK_PAGE));
            assertThat(o.availability()).as(url).isEqualTo(Availability.BLOCKED);
            assertThat(o.evidence()).as(url).startsWith("login page (final URL path");
        }
        Observation product = decide(TestPages.page(200, URI.create("https://shop.example/products/login-shirt"),
                "text/html", IN_STOCK_PAGE));
        assertThat(product.availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void syntheticBotWallsAreBlocked() {
        List<String> walls = List.of(
                "<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>",
                "<html><body><script>window._cf_chl_opt={cvId:'3'};</script></body></html>",
                "<html><body><h4>Enter the characters you see below</h4></body></html>",
                "<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>"
                        + "You don't have permission to access \"x\" on this server.<p>Reference&#32;&#35;18.1</body></html>");
        for (String wall : walls) {
            assertThat(decide(TestPages.html(wall)).availability()).as(wall).isEqualTo(Availability.BLOCKED);
        }
    }

    @Test
    void cloudflareBotManagementScriptOnAnOrdinaryPageIsNotBlocked() {
        String page = "<html><body><button class=buy>구매하기</button>"
                + "<script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script></body></html>";

        assertThat(decide(TestPages.html(page)).availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void jsonBodiesAreNotReadAsHtmlWalls() {
        Observation o = detection.decide(watch(TestPages.jsonPath("$.q")),
                TestPages.json("{\"q\": 3, \"note\": \"Enter the characters you see below\"}"));

        assertThat(o.availability()).isEqualTo(Availability.IN_STOCK);
    }
}
