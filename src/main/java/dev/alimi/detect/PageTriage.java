package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Recognises pages that are not the product at all (HTTP errors, empty bodies, bot walls,
 * captchas, login walls) before any detector reads them. Markers are specific on purpose: a false
 * BLOCKED hides a real restock, so generic ones only count on small pages.
 */
final class PageTriage {

    /** Challenge and login pages are short; real product pages carry far more visible text. */
    private static final int SMALL_PAGE_TEXT = 2_000;

    private static final Set<String> LOGIN_SEGMENTS =
            Set.of("login", "signin", "sign-in", "sign_in", "logon", "nidlogin");

    /**
     * A triage decision.
     *
     * @param availability ERROR, BLOCKED or UNKNOWN
     * @param reason       short evidence
     */
    record Verdict(Availability availability, String reason) {}

    Optional<Verdict> triage(ParsedPage page) {
        int status = page.page().status();
        if (status >= 500) return verdict(Availability.ERROR, "HTTP " + status);
        if (status == 401 || status == 403 || status == 407 || status == 429) {
            return verdict(Availability.BLOCKED, "HTTP " + status + (status == 429 ? " (rate limited)" : ""));
        }
        if (status < 200 || status >= 300) return verdict(Availability.ERROR, "HTTP " + status);
        if (page.body().isBlank()) return verdict(Availability.UNKNOWN, "empty body");
        Optional<Verdict> byUrl = loginUrl(page);
        if (byUrl.isPresent()) return byUrl;
        Optional<Verdict> cloudflare = cloudflare(page.body());
        if (cloudflare.isPresent()) return cloudflare;
        if (page.looksLikeJson()) return Optional.empty();
        return htmlWall(page);
    }

    /**
     * A final URL with a login path segment ({@code /member/login}, {@code /nidlogin.login},
     * {@code /ap/signin}); whole segments only, so {@code /products/login-shirt} stays a product.
     */
    private static Optional<Verdict> loginUrl(ParsedPage page) {
        if (page.page().url() == null || page.page().url().getPath() == null) return Optional.empty();
        String path = page.page().url().getPath().toLowerCase(Locale.ROOT);
        for (String segment : path.split("/")) {
            int dot = segment.indexOf('.');
            if (LOGIN_SEGMENTS.contains(dot < 0 ? segment : segment.substring(0, dot))) {
                return verdict(Availability.BLOCKED, "login page (final URL path " + Evidence.quote(path) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Cloudflare's challenge script. Plain {@code /cdn-cgi/challenge-platform/} is not enough: Bot
     * Management injects {@code /cdn-cgi/challenge-platform/scripts/jsd/main.js} into ordinary pages.
     */
    private static Optional<Verdict> cloudflare(String body) {
        if (body.contains("_cf_chl_opt") || body.contains("/cdn-cgi/challenge-platform/h/")) {
            return verdict(Availability.BLOCKED, "Cloudflare challenge page");
        }
        return Optional.empty();
    }

    private static Optional<Verdict> htmlWall(ParsedPage page) {
        Document doc = page.html();
        String title = VisibleText.normalize(doc.title());
        String text = VisibleText.normalize(page.visibleText());
        boolean small = text.length() < SMALL_PAGE_TEXT;
        if (small && (title.startsWith("just a moment") || title.startsWith("attention required! | cloudflare"))) {
            return verdict(Availability.BLOCKED, "Cloudflare challenge page (title " + Evidence.quote(doc.title()) + ")");
        }
        if (text.contains("enter the characters you see below") || page.body().contains("/errors/validateCaptcha")) {
            return verdict(Availability.BLOCKED, "Amazon robot check (captcha)");
        }
        if (small && title.equals("access denied") && text.contains("reference #")
                && text.contains("permission to access")) {
            return verdict(Availability.BLOCKED, "Akamai access denied page");
        }
        if (small) {
            Element captcha = doc.selectFirst(".g-recaptcha, .h-captcha, .cf-turnstile, "
                    + "iframe[src*=recaptcha/api2/anchor], iframe[src*=hcaptcha.com/captcha], "
                    + "iframe[src*=challenges.cloudflare.com]");
            if (captcha != null && !VisibleText.isHidden(captcha)) {
                return verdict(Availability.BLOCKED, "captcha page (" + describe(captcha) + ")");
            }
            Element password = doc.selectFirst("input[type=password]");
            if (password != null && !VisibleText.isHidden(password)) {
                return verdict(Availability.BLOCKED, "login page (password field, little else)");
            }
        }
        return Optional.empty();
    }

    private static String describe(Element element) {
        String cls = element.className();
        return element.normalName() + (cls.isEmpty() ? "" : "." + cls.split("\\s+")[0]);
    }

    private static Optional<Verdict> verdict(Availability availability, String reason) {
        return Optional.of(new Verdict(availability, reason));
    }
}
