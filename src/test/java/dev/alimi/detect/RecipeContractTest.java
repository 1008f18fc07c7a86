package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every recipe of {@link DetectorRegistry#standard()} keeps, run through one table:
 * walls are BLOCKED, failures ERROR, and pages without its data UNKNOWN, never in stock.
 */
class RecipeContractTest {

    private static final URI SHOP = URI.create("https://shop.example/products/kf94-mask");
    private static final String CLOUDFLARE = "<html><head><title>Just a moment...</title></head><body>"
            + "<script>window._cf_chl_opt={cvId:'3'};</script>Checking your browser</body></html>";

    /**
     * One contract case.
     *
     * @param name     what the page is
     * @param page     the page
     * @param expected the availability every recipe must give
     * @param evidence a part of the evidence
     */
    record Case(String name, Page page, Availability expected, String evidence) {}

    static List<Case> table() {
        return List.of(
                new Case("Cloudflare challenge (200)", page(200, "text/html", CLOUDFLARE), Availability.BLOCKED, "Cloudflare"),
                new Case("Cloudflare challenge (503)", page(503, "text/html", CLOUDFLARE), Availability.BLOCKED,
                        "HTTP 503: Cloudflare challenge page"),
                new Case("bare 502", page(502, "text/html", "<html><body>Bad gateway</body></html>"), Availability.ERROR, "HTTP 502"),
                new Case("bare 503", page(503, "text/html", "<html><body>down for maintenance</body></html>"),
                        Availability.ERROR, "HTTP 503"),
                new Case("429", page(429, "text/plain", "slow down"), Availability.BLOCKED, "HTTP 429 (rate limited)"),
                new Case("403 captcha", page(403, "text/html", "<html><body><h1>보안 확인</h1><p>자동입력 방지 문자를 입력해 주세요</p>"
                        + "</body></html>"), Availability.BLOCKED, "HTTP 403: captcha page"),
                new Case("login redirect", new Page(URI.create("https://nid.naver.com/nidlogin.login?url=x"), 200, "text/html",
                        "<html><body><button>구매하기</button></body></html>", TestPages.AT), Availability.BLOCKED, "login page"),
                new Case("empty body", page(200, "text/html", ""), Availability.UNKNOWN, "empty body"),
                new Case("blog post", page(200, "text/html", "<html><body><main><h1>How to wear a mask</h1><p>Cover the nose."
                        + "</p></main></body></html>"), Availability.UNKNOWN, ""),
                new Case("JSON of another shape", page(200, "application/json", "{\"hello\":\"world\",\"items\":[1,2]}"),
                        Availability.UNKNOWN, ""),
                new Case("broken JSON", page(200, "application/json", "{\"productStatusType\": \"SALE\", "), Availability.UNKNOWN, ""),
                new Case("buy words only in script and footer", page(200, "text/html", "<html><body><script>var t='In stock';"
                        + "</script><main><h1>Mask</h1></main><footer>Add to cart 구매하기</footer></body></html>"),
                        Availability.UNKNOWN, ""));
    }

    private static Page page(int status, String type, String body) {
        return new Page(SHOP, status, type, body, TestPages.AT);
    }

    static Stream<Arguments> recipesTimesCases() {
        List<Arguments> out = new ArrayList<>();
        for (String recipe : DetectorRegistry.standard().recipeNames()) {
            for (Case c : table()) out.add(Arguments.of(recipe, c.name(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("recipesTimesCases")
    void everyRecipeKeepsTheContract(String recipe, String name, Case c) {
        Observation o = new Detection(DetectorRegistry.standard())
                .decide(TestPages.watch(new DetectSpec.Recipe(recipe)), c.page());

        assertThat(o.availability()).as("%s on %s: %s", recipe, name, o.evidence()).isEqualTo(c.expected());
        assertThat(o.evidence()).isNotBlank().contains(c.evidence());
        assertThat(o.evidence().length()).isLessThanOrEqualTo(Evidence.MAX_LENGTH);
    }
}
