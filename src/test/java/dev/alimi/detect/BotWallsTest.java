package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bot walls of every kind, named in the evidence; and product pages that merely mention their words. */
class BotWallsTest {

    private final Detection detection = new Detection(DetectorRegistry.standard());

    private Observation auto(int status, String url, String type, String body) {
        return detection.decide(TestPages.watch(new DetectSpec.Recipe("auto")),
                new Page(URI.create(url), status, type, body, TestPages.AT));
    }

    private Observation auto(String body) {
        return auto(200, "https://shop.example/p/9", "text/html", body);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " => ", value = {
        "<html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry</body></html>"
                + " => Cloudflare challenge page (title \"Attention Required! | Cloudflare\")",
        "<html><body><h1>Sorry, you have been blocked</h1><p>Cloudflare Ray ID: 7a</p></body></html>"
                + " => Cloudflare challenge page",
        "<html><body><form id=challenge-form class=cf-browser-verification></form></body></html>"
                + " => Cloudflare challenge page",
        "<html><head><title>Access to this page has been denied</title></head><body><div id=\"px-captcha\"></div>"
                + "<p>Press & Hold to confirm you are a human (and not a bot).</p></body></html>"
                + " => PerimeterX/HUMAN challenge page",
        "<html><body><script src=\"https://ct.captcha-delivery.com/c.js\"></script>"
                + "<iframe src=\"https://geo.captcha-delivery.com/captcha/?initialCid=x\"></iframe></body></html>"
                + " => DataDome challenge page",
        "<html><body><div id=\"rcpt_form\"><img src=\"https://ncpt.naver.com/v1/wcpt/m/challenge/receipt/image\">"
                + "<p>영수증 속 가게 전화번호 두 번째 숫자는?</p></div></body></html>"
                + " => Naver captcha page",
        "<html><body><h2>보안 확인</h2><p>자동입력 방지 문자를 입력해 주세요.</p></body></html>"
                + " => captcha page (\"자동입력 방지\")",
        "<html><body><h1>Are you a human?</h1><p>Please verify.</p></body></html>"
                + " => captcha page (\"are you a human\")",
        "<html><head><title>Queue</title></head><body><h1>You are now in line.</h1>"
                + "<p>Your estimated wait time is 4 minutes.</p></body></html>"
                + " => waiting room (\"you are now in line\")",
        "<html><body><h1>접속 대기 중입니다</h1><p>대기 순번 1,204번</p></body></html>"
                + " => waiting room (\"접속 대기\")",
        "<html><body><form action=/login><input name=id><input type=password name=pw><button>로그인</button></form>"
                + "</body></html>"
                + " => login page (password field, little else)",
    })
    void wallsAreBlockedWithTheirKind(String body, String kind) {
        Observation o = auto(body);

        assertThat(o.availability()).isEqualTo(Availability.BLOCKED);
        assertThat(o.detector()).isEqualTo("triage");
        assertThat(o.evidence()).startsWith(kind);
    }

    @Test
    void statusWithAWallBodyNamesBoth() {
        String akamai = "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don't have "
                + "permission to access \"x\" on this server.<P>Reference&#32;&#35;18.1</BODY></HTML>";

        assertThat(auto(403, "https://www.coupang.com/vp/products/1", "text/html", akamai).evidence())
                .isEqualTo("HTTP 403: Akamai access denied page");
        assertThat(auto(429, "https://shop.example/p", "text/html", "<h1>Are you a robot?</h1>").evidence())
                .isEqualTo("HTTP 429: captcha page (\"are you a robot\")");
        assertThat(auto(503, "https://shop.example/p", "text/html", "<title>Just a moment...</title>").availability())
                .isEqualTo(Availability.BLOCKED);
        Observation bare = auto(503, "https://shop.example/p", "text/html", "<h1>Service Unavailable</h1>");
        assertThat(bare.availability()).isEqualTo(Availability.ERROR);
        assertThat(bare.evidence()).isEqualTo("HTTP 503");
        assertThat(auto(500, "https://shop.example/p", "text/html", "<title>Just a moment...</title>").availability())
                .isEqualTo(Availability.ERROR);
    }

    @Test
    void queueItHostIsAWaitingRoom() {
        Observation o = auto(200, "https://shop.queue-it.net/?c=shop&e=drop", "text/html", "<html><body>x</body></html>");

        assertThat(o.availability()).isEqualTo(Availability.BLOCKED);
        assertThat(o.evidence()).isEqualTo("Queue-it waiting room (host shop.queue-it.net)");
    }

    @Test
    void captchaJsonAnswerIsBlocked() {
        Observation o = auto(200, "https://smartstore.naver.com/i/v2/channels/x/products/1", "application/json",
                "{\"rtn_cd\": 200, \"receiptData\": {\"question\": \"What is the second number?\"}}");

        assertThat(o.availability()).isEqualTo(Availability.BLOCKED);
        assertThat(o.evidence()).startsWith("captcha response (JSON field");
    }

    @Test
    void largeProductPagesMentioningWallWordsAreNotBlocked() {
        String filler = "<p>" + "Soft KF94 mask with four layers of filter, fits every face. ".repeat(60) + "</p>";
        String page = "<html><body><main><h1>KF94</h1>" + filler + "<p>보안 확인 절차를 거쳐 안전하게 결제됩니다. "
                + "Are you a human who loves masks?</p><div class=g-recaptcha></div><input type=password>"
                + "<button>구매하기</button></main>"
                + "<script src=\"https://static.queue-it.net/script/queueclient.min.js\"></script>"
                + "<script>window._pxAppId='PX12';</script></body></html>";

        Observation o = auto(page);

        assertThat(o.availability()).as(o.evidence()).isEqualTo(Availability.IN_STOCK);
    }
}
