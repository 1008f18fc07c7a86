package dev.alimi.detect;

import dev.alimi.model.Availability;
import java.util.Optional;

/**
 * Recognises pages that are not the product at all (HTTP errors, empty bodies, bot walls,
 * captchas, login walls, waiting rooms) before any detector reads them. A 403/429/503 whose body
 * is a known wall is BLOCKED with the wall's kind; a bare 5xx is ERROR.
 */
final class PageTriage {

    /**
     * A triage decision.
     *
     * @param availability ERROR, BLOCKED or UNKNOWN
     * @param reason       short evidence
     */
    record Verdict(Availability availability, String reason) {}

    Optional<Verdict> triage(ParsedPage page) {
        int status = page.page().status();
        if (status >= 500) {
            // Cloudflare's challenge and some rate limiters answer 503 with a wall: that is a block, not an outage.
            Optional<String> wall = status == 503 ? BotWalls.find(page) : Optional.empty();
            if (wall.isPresent()) return verdict(Availability.BLOCKED, "HTTP 503: " + wall.get());
            return verdict(Availability.ERROR, "HTTP " + status);
        }
        if (status == 401 || status == 403 || status == 407 || status == 429) {
            Optional<String> wall = BotWalls.find(page);
            String base = "HTTP " + status;
            if (wall.isPresent()) return verdict(Availability.BLOCKED, base + ": " + wall.get());
            return verdict(Availability.BLOCKED, base + (status == 429 ? " (rate limited)" : ""));
        }
        if (status < 200 || status >= 300) return verdict(Availability.ERROR, "HTTP " + status);
        if (page.body().isBlank()) return verdict(Availability.UNKNOWN, "empty body");
        return BotWalls.find(page).map(kind -> new Verdict(Availability.BLOCKED, kind));
    }

    private static Optional<Verdict> verdict(Availability availability, String reason) {
        return Optional.of(new Verdict(availability, reason));
    }
}
