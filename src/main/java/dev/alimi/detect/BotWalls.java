package dev.alimi.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The catalogue of pages that stand between Alimi and a product: challenge, captcha, block, login
 * and waiting-room pages, each named by its kind. Vendor markers that never occur on shop pages
 * count anywhere; generic ones (a captcha widget, "are you a human", a password field) only on
 * small pages, since a false BLOCKED hides a real restock.
 */
final class BotWalls {

    /** Challenge and login pages are short; real product pages carry far more visible text. */
    static final int SMALL_PAGE_TEXT = 2_000;

    private static final Set<String> LOGIN_SEGMENTS =
            Set.of("login", "signin", "sign-in", "sign_in", "logon", "nidlogin");

    private static final List<String> HUMAN_CHECK_PHRASES = List.of(
            "are you a human", "are you a robot", "verify you are human", "verify you are a human",
            "confirm you are human", "i'm not a robot", "i am not a robot", "unusual traffic from your",
            "press & hold", "please complete the security check",
            "자동입력 방지", "자동입력방지", "자동 입력 방지", "자동등록방지", "보안 확인", "보안확인", "로봇이 아닙니다");

    private static final List<String> QUEUE_PHRASES = List.of(
            "you are now in line", "you are in the queue", "your estimated wait time", "접속 대기", "접속대기", "대기 순번",
            "대기순번");

    private BotWalls() {}

    /**
     * Wall pages are small; their vendor markers sit in the first part of the body. Scanning only
     * that part keeps triage of a 1 MB product page cheap.
     */
    static final int MARKER_SCAN_CHARS = 128 * 1024;

    /** The kind of wall this page is, or empty for anything that may be the product. */
    static Optional<String> find(ParsedPage page) {
        Optional<String> byUrl = byUrl(page);
        if (byUrl.isPresent()) return byUrl;
        Start body = new Start(page.body());
        if (body.contains("_cf_chl_opt") || body.contains("/cdn-cgi/challenge-platform/h/")
                || body.contains("cf-browser-verification") || body.contains("cf_captcha_kind")) {
            return Optional.of("Cloudflare challenge page");
        }
        if (page.looksLikeJson()) return jsonCaptcha(page);
        return html(page, body);
    }

    /**
     * A final URL on a login path ({@code /member/login}, {@code /nidlogin.login}, {@code /ap/signin};
     * whole segments only, so {@code /products/login-shirt} stays a product) or a Queue-it host.
     */
    private static Optional<String> byUrl(ParsedPage page) {
        if (page.page().url() == null) return Optional.empty();
        String host = Recipe.host(page.page().url());
        if (Recipe.under(host, "queue-it.net")) return Optional.of("Queue-it waiting room (host " + host + ")");
        if (page.page().url().getPath() == null) return Optional.empty();
        String path = page.page().url().getPath().toLowerCase(Locale.ROOT);
        for (String segment : path.split("/")) {
            int dot = segment.indexOf('.');
            if (LOGIN_SEGMENTS.contains(dot < 0 ? segment : segment.substring(0, dot))) {
                return Optional.of("login page (final URL path " + Evidence.quote(path) + ")");
            }
        }
        return Optional.empty();
    }

    /** Naver's captcha API and similar answer in JSON with a captcha object instead of the product. */
    private static Optional<String> jsonCaptcha(ParsedPage page) {
        if (page.body().length() > 200_000) return Optional.empty();
        JsonNode tree = page.tree();
        if (tree == null || !tree.isObject()) return Optional.empty();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next().toLowerCase(Locale.ROOT);
            if (name.contains("captcha") || name.equals("receiptdata")) {
                return Optional.of("captcha response (JSON field " + Evidence.quote(name) + ")");
            }
        }
        return Optional.empty();
    }

    /** {@code body} is the scanned start of the page's body. */
    private static Optional<String> html(ParsedPage page, Start body) {
        Document doc = page.html();
        String title = VisibleText.normalize(doc.title());
        String text = VisibleText.normalize(page.visibleText(SMALL_PAGE_TEXT));
        boolean small = text.length() < SMALL_PAGE_TEXT;
        if (text.contains("enter the characters you see below") || body.contains("/errors/validateCaptcha")) {
            return Optional.of("Amazon robot check (captcha)");
        }
        if (body.contains("id=\"px-captcha\"") || body.contains("captcha.px-cdn.net")
                || small && body.contains("_pxAppId") && title.equals("access to this page has been denied")) {
            return Optional.of("PerimeterX/HUMAN challenge page");
        }
        if (small && body.contains("captcha-delivery.com")) {
            return Optional.of("DataDome challenge page");
        }
        if (small && (body.contains("ncpt.naver.com") || body.contains("wtm_captcha"))) {
            return Optional.of("Naver captcha page");
        }
        if (!small) return Optional.empty();
        if (title.startsWith("just a moment") || title.startsWith("attention required! | cloudflare")
                || (text.contains("sorry, you have been blocked") && text.contains("cloudflare"))
                || (text.contains("cloudflare ray id") && (text.contains("error 1020") || text.contains("access denied")))) {
            return Optional.of("Cloudflare challenge page (title " + Evidence.quote(doc.title()) + ")");
        }
        if (title.equals("access denied") && (text.contains("reference #") || body.contains("errors.edgesuite.net"))
                && text.contains("permission to access")) {
            return Optional.of("Akamai access denied page");
        }
        for (String phrase : QUEUE_PHRASES) {
            if (text.contains(phrase) || title.contains(phrase)) {
                return Optional.of("waiting room (" + Evidence.quote(phrase) + ")");
            }
        }
        Element captcha = doc.selectFirst(".g-recaptcha, .h-captcha, .cf-turnstile, "
                + "iframe[src*=recaptcha/api2/anchor], iframe[src*=hcaptcha.com/captcha], "
                + "iframe[src*=challenges.cloudflare.com]");
        if (captcha != null && !VisibleText.isHidden(captcha) && !page.area().isOutside(captcha)) {
            return Optional.of("captcha page (" + describe(captcha) + ")");
        }
        for (String phrase : HUMAN_CHECK_PHRASES) {
            if (text.contains(phrase) || title.contains(phrase)) {
                return Optional.of("captcha page (" + Evidence.quote(phrase) + ")");
            }
        }
        Element password = doc.selectFirst("input[type=password]");
        if (password != null && !VisibleText.isHidden(password)) {
            return Optional.of("login page (password field, little else)");
        }
        return Optional.empty();
    }

    /** The scanned start of a page's body, searched in place rather than copied. */
    private record Start(String body) {
        boolean contains(String marker) {
            return body.indexOf(marker, 0, Math.min(body.length(), MARKER_SCAN_CHARS)) >= 0;
        }
    }

    private static String describe(Element element) {
        String cls = element.className();
        return element.normalName() + (cls.isEmpty() ? "" : "." + cls.split("\\s+")[0]);
    }
}
