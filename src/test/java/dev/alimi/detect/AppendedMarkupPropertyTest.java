package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Doubt stays doubt: a BLOCKED or UNKNOWN page never becomes IN_STOCK when product markup (buy
 * buttons, stock phrases, microdata offers) is appended outside the product area: in header, nav,
 * footer, side bars, reviews, carousels, scripts, templates, noscript or hidden blocks. JSON-LD and
 * OpenGraph are page-wide metadata with no "outside", so they are not generated.
 */
class AppendedMarkupPropertyTest {

    private static final List<String> BLOCKED = List.of(
            "<html><head><title>Just a moment...</title></head><body><p>Checking your browser before accessing.</p></body></html>",
            "<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>You don't have permission to access "
                    + "\"x\" on this server.<p>Reference&#32;&#35;18.3d3a</p></body></html>",
            "<html><body><h4>Enter the characters you see below</h4><form action=\"/errors/validateCaptcha\"></form></body></html>",
            "<html><head><title>Access to this page has been denied</title></head><body><div id=\"px-captcha\"></div></body></html>",
            "<html><body><iframe src=\"https://geo.captcha-delivery.com/captcha/?x=1\"></iframe></body></html>",
            "<html><body><h2>보안 확인</h2><p>자동입력 방지 문자를 입력해 주세요.</p></body></html>",
            "<html><body><form><input name=id><input type=password name=pw><button>로그인</button></form></body></html>",
            "<html><body><h1>You are now in line.</h1></body></html>");

    private static final List<String> UNKNOWN = List.of(
            "<html><body><main><h1>KF94 마스크 50매</h1><p>부드러운 귀끈, 4중 필터.</p></main></body></html>",
            "<html><body><div id=content><h1>Lantern Pendant</h1><p>Metal, 4 lights.</p></div></body></html>",
            "<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Mat\",\"offers\":"
                    + "{\"price\":\"43.90\",\"priceCurrency\":\"EUR\"}}</script></head><body><main><h1>Mat</h1></main></body></html>",
            "<html><body><main><div itemscope itemtype=\"http://schema.org/Product\"><h1 itemprop=name>Lamp</h1></div>"
                    + "</main></body></html>");

    private static final List<String> WRAPPERS = List.of(
            "<footer>%s</footer>", "<nav>%s</nav>", "<header>%s</header>", "<aside>%s</aside>",
            "<div class=\"related-products\">%s</div>", "<section id=\"reviews\">%s</section>",
            "<div class=\"carousel\">%s</div>", "<div class=\"recommendations\">%s</div>",
            "<script>var label = \"%s\";</script>", "<template>%s</template>", "<noscript>%s</noscript>",
            "<div hidden>%s</div>", "<div style=\"display:none\">%s</div>", "<div role=\"navigation\">%s</div>");

    private static final List<String> MARKUP = List.of(
            "<button>Add to cart</button>", "<button>구매하기</button>", "<p>In stock</p>", "<p>재고 있음</p>",
            "<p>Only 3 left in stock</p>", "<p>남은 수량 3개</p>", "<button>カートに入れる</button>", "<button>加入购物车</button>",
            "<div itemscope itemtype=http://schema.org/Product><link itemprop=availability href=http://schema.org/InStock>"
                    + "<meta itemprop=price content=9.99><meta itemprop=priceCurrency content=USD></div>",
            "<meta itemprop=availability content=InStock>",
            "<div class=\"prod-buy\"><button>바로구매</button></div>",
            "<p class=\"stock in-stock\">5 in stock</p>");

    private final Detection detection = new Detection(DetectorRegistry.standard());

    @Provide
    Arbitrary<String> doubtfulPages() {
        List<String> all = new ArrayList<>(BLOCKED);
        all.addAll(UNKNOWN);
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<List<String>> outsideMarkup() {
        Arbitrary<String> content = Arbitraries.oneOf(Arbitraries.of(MARKUP),
                Arbitraries.strings().alpha().withChars(' ').ofMaxLength(30));
        Arbitrary<String> block = Combinators.combine(Arbitraries.of(WRAPPERS), content.list().ofMinSize(1).ofMaxSize(3))
                .as((wrapper, parts) -> wrapper.formatted(String.join("", parts)));
        return block.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> recipes() {
        return Arbitraries.of(new ArrayList<>(DetectorRegistry.standard().recipeNames()));
    }

    @Property(tries = 400)
    void doubtfulPagesNeverBecomeInStock(@ForAll("doubtfulPages") String page,
            @ForAll("outsideMarkup") List<String> extra, @ForAll("recipes") String recipe) {
        String body = page.replace("</body>", String.join("", extra) + "</body>");

        Observation o = decide(recipe, body);

        assertThat(o.availability()).as("%s on %s: %s", recipe, body, o.evidence()).isNotEqualTo(Availability.IN_STOCK);
    }

    @Example
    void theBasePagesAreDoubtfulToBeginWith() {
        for (String page : BLOCKED) assertThat(decide("auto", page).availability()).as(page).isEqualTo(Availability.BLOCKED);
        for (String page : UNKNOWN) assertThat(decide("auto", page).availability()).as(page).isEqualTo(Availability.UNKNOWN);
    }

    @Example
    void theSameMarkupInsideTheProductAreaIsInStock() {
        // Guards the property against passing vacuously: the markup does mean "in stock" where it belongs.
        for (String markup : MARKUP.subList(0, 8)) {
            Observation o = decide("auto", "<html><body><main><h1>Mask</h1>" + markup + "</main></body></html>");
            assertThat(o.availability()).as(markup).isEqualTo(Availability.IN_STOCK);
        }
    }

    private Observation decide(String recipe, String body) {
        return detection.decide(TestPages.watch(new DetectSpec.Recipe(recipe)), TestPages.html(body));
    }
}
