package dev.alimi.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The Slack incoming-webhook body of an alert: fallback {@code text}, a mrkdwn section and a "Buy now" button. */
final class SlackMessage {

    static final int MAX_NAME = 300;
    static final int MAX_SITE = 100;
    static final int MAX_TEXT = 3_000;
    static final int MAX_FALLBACK = 3_900;
    static final int MAX_LINK_IN_TEXT = 900;
    static final int MAX_BUTTON_URL = 3_000;

    private SlackMessage() {}

    static ObjectNode body(MessageText m, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("text", fallbackText(m));
        body.put("unfurl_links", false);
        body.put("unfurl_media", false);
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", sectionText(m));
        if (m.buyable() && isWebLink(m.link()) && m.link().length() <= MAX_BUTTON_URL) {
            ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject();
            button.put("type", "button").put("style", "primary");
            button.putObject("text").put("type", "plain_text").put("text", "Buy now");
            button.put("url", m.link());
        }
        return body;
    }

    /** The push-notification text, escaped, under the recommended 4,000 characters even if all of it is {@code &}. */
    static String fallbackText(MessageText m) {
        String text = escape(MessageText.truncate(m.summary(), MAX_TEXT));
        return text.length() <= MAX_FALLBACK ? text : escape(MessageText.truncate(m.summary(), MAX_FALLBACK / 5));
    }

    /** "*<url|name>* is back in stock\n*Price:* €49.99 · *Stock:* 12 · *Shop:* ShopX", within 3,000 characters. */
    static String sectionText(MessageText m) {
        String name = escape(MessageText.truncate(m.name(), MAX_NAME));
        String title;
        if (isWebLink(m.link()) && linkUrl(m.link()).length() <= MAX_LINK_IN_TEXT) {
            title = "*<" + linkUrl(m.link()) + "|" + name + ">*";
        } else {
            title = "*" + name + "*";
        }
        List<String> facts = new ArrayList<>();
        if (m.buyable() && m.price() != null) {
            facts.add("*Price:* " + escape(MessageText.truncate(m.price(), 40)));
        }
        if (m.buyable() && m.quantity() != null) {
            facts.add("*Stock:* " + escape(m.quantity()));
        }
        if (m.site() != null) {
            facts.add("*Shop:* " + escape(MessageText.truncate(m.site(), MAX_SITE)));
        }
        String text = title + " " + escape(m.headline()) + (facts.isEmpty() ? "" : "\n" + String.join(" · ", facts));
        return MessageText.truncate(text, MAX_TEXT);
    }

    /** mrkdwn escaping of user text: only {@code & < >}, which also defuses {@code <!channel>} and {@code <@U…>}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A URL inside {@code <url|label>}: the characters that would end or split the link are percent-encoded. */
    static String linkUrl(String url) {
        return url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20");
    }

    private static boolean isWebLink(String link) {
        return link != null && (link.startsWith("https://") || link.startsWith("http://"));
    }
}
