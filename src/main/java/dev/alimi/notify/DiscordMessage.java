package dev.alimi.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** The Discord webhook body of an alert: escaped {@code content}, one embed, and mentions always off. */
final class DiscordMessage {

    static final int MAX_CONTENT = 2_000;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4_096;
    static final int MAX_FIELD_VALUE = 1_024;
    static final int MAX_EMBED_URL = 2_048;
    /** Name and shop are cut well below the limits so that all embed text together stays under 6,000. */
    static final int MAX_NAME_IN_CONTENT = 800;
    static final int MAX_SITE = 200;
    static final int GREEN = 0x57F287;
    static final int RED = 0xED4245;
    static final int YELLOW = 0xFEE75C;

    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|>#\\-\\[\\]()])");
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)");

    private DiscordMessage() {}

    static ObjectNode body(MessageText m, String username, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        String name = escape(MessageText.truncate(m.name(), MAX_NAME_IN_CONTENT));
        String content = switch (m.kind()) {
            case RESTOCKED -> "Back in stock: **" + name + "**";
            case SOLD_OUT, CHANGED -> "**" + name + "** " + escape(m.headline());
        };
        body.put("content", MessageText.truncate(content, MAX_CONTENT));
        if (username != null && !username.isBlank()) {
            body.put("username", MessageText.truncate(username.strip(), 80));
        }
        body.putObject("allowed_mentions").putArray("parse");
        ObjectNode embed = body.putArray("embeds").addObject();
        embed.put("title", MessageText.truncate(m.name().strip(), MAX_TITLE));
        if (m.link() != null && m.link().length() <= MAX_EMBED_URL
                && (m.link().startsWith("https://") || m.link().startsWith("http://"))) {
            embed.put("url", m.link());
        }
        String site = m.site() == null ? null : MessageText.truncate(m.site().strip(), MAX_SITE);
        String description = switch (m.kind()) {
            case RESTOCKED -> "Back in stock" + (site == null ? "" : " at " + escape(site));
            case SOLD_OUT, CHANGED -> Character.toUpperCase(m.headline().charAt(0)) + escape(m.headline().substring(1));
        };
        embed.put("description", MessageText.truncate(description, MAX_DESCRIPTION));
        embed.put("color", switch (m.kind()) {
            case RESTOCKED -> GREEN;
            case CHANGED -> YELLOW;
            case SOLD_OUT -> RED;
        });
        ArrayNode fields = embed.putArray("fields");
        if (m.buyable() && m.price() != null) {
            field(fields, "Price", m.price());
        }
        if (m.buyable() && m.quantity() != null) {
            field(fields, "Stock", m.quantity());
        }
        if (site != null) {
            field(fields, "Shop", site);
        }
        embed.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(m.observedAt().truncatedTo(ChronoUnit.MILLIS)));
        return body;
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("name", name).put("value", MessageText.truncate(escape(value), MAX_FIELD_VALUE))
                .put("inline", true);
    }

    /**
     * Backslash-escapes Discord markdown in user text, and breaks {@code @everyone}/{@code @here} with a
     * zero-width space as a second guard behind {@code allowed_mentions}.
     */
    static String escape(String text) {
        String escaped = MARKDOWN.matcher(text).replaceAll("\\\\$1");
        return MASS_MENTION.matcher(escaped).replaceAll("@\u200B$1");
    }
}
