package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts alerts to Gotify's {@code /message} with the app token in {@code X-Gotify-Key}, markdown text, and
 * {@code client::notification.click.url} so a tap on Android opens the product page. Keeps the message id.
 */
final class GotifyChannel extends HttpChannel {

    private final GotifyChannelType.Target target;
    private final MessageTemplate template;

    GotifyChannel(String name, GotifyChannelType.Target target, MessageTemplate template, ChannelContext context) {
        super(name, target.endpoint(), new JsonWebhook(context, List.of(target.token())));
        this.target = target;
        this.template = template;
    }

    @Override
    public SendResult send(StockEvent event) {
        return postJson("alert", () -> body(event), this::post);
    }

    /** The notice as a plain title and markdown-escaped text; no click URL. */
    @Override
    public SendResult sendNotice(Notice notice) {
        return postJson("notice", () -> {
            ObjectNode message = json.createObjectNode();
            message.put("title", MessageText.truncate(notice.title(), 250));
            message.put("message", TextEscape.markdown(MessageText.truncate(notice.text(), 4_000)));
            message.put("priority", notice.recovered() ? Math.min(target.priority(), 4) : target.priority());
            message.putObject("extras").putObject("client::display").put("contentType", "text/markdown");
            return message;
        }, this::post);
    }

    private SendResult post(String body) {
        return webhook.send(target.endpoint(), Map.of("X-Gotify-Key", target.token()), body, this::sent,
                r -> Optional.empty());
    }

    ObjectNode body(StockEvent event) {
        MessageText m = MessageText.of(event);
        ObjectNode body = json.createObjectNode();
        body.put("title", MessageText.truncate(switch (m.kind()) {
            case RESTOCKED -> "Back in stock: " + m.name();
            case SOLD_OUT, CHANGED -> m.name() + " " + m.headline();
        }, 250));
        String message = template != null
                ? template.render(event, TextEscape::markdown, GotifyChannel::markdownUrl)
                : text(m);
        body.put("message", message);
        body.put("priority", switch (m.kind()) {
            case RESTOCKED -> target.priority();
            case SOLD_OUT, CHANGED -> Math.min(target.priority(), 4);
        });
        ObjectNode extras = body.putObject("extras");
        extras.putObject("client::display").put("contentType", "text/markdown");
        if (m.link() != null && (m.link().startsWith("https://") || m.link().startsWith("http://"))) {
            extras.putObject("client::notification").putObject("click").put("url", m.link());
        }
        return body;
    }

    private static String text(MessageText m) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(TextEscape.markdown(m.name())).append("** ").append(TextEscape.markdown(m.headline()));
        if (m.buyable() && m.price() != null) {
            sb.append(" · ").append(TextEscape.markdown(m.price()));
        }
        if (m.buyable() && m.quantity() != null) {
            sb.append(" · ").append(TextEscape.markdown(m.quantity())).append(" left");
        }
        if (m.site() != null) {
            sb.append(" · ").append(TextEscape.markdown(m.site()));
        }
        if (m.link() != null) {
            sb.append(" · [").append(m.buyable() ? "Buy now" : "Open").append("](")
                    .append(markdownUrl(m.link())).append(')');
        }
        return sb.toString();
    }

    /** A URL safe inside {@code (…)} of a markdown link. */
    static String markdownUrl(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private SendResult sent(JsonWebhook.Response response) {
        try {
            JsonNode id = json.readTree(response.body()).path("id");
            return new SendResult.Sent(id.isIntegralNumber() ? id.asText() : null);
        } catch (JsonProcessingException e) {
            return new SendResult.Sent(null);
        }
    }
}
