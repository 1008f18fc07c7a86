package dev.alimi.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Posts alerts to a Teams Workflows webhook as an Adaptive Card (title, facts, an "Buy now" OpenUrl action).
 * Workflows answer 202 with no id, so messages cannot be edited.
 */
final class TeamsChannel extends HttpChannel {

    /** Teams refuses messages over about 28 KB; names are cut well below. */
    static final int MAX_TEXT = 2_000;

    private final TeamsChannelType.Target target;
    private final MessageTemplate template;

    TeamsChannel(String name, TeamsChannelType.Target target, MessageTemplate template, ChannelContext context) {
        super(name, target.endpoint(), new JsonWebhook(context, target.secrets()));
        this.target = target;
        this.template = template;
    }

    @Override
    public SendResult send(StockEvent event) {
        return postJson("alert", () -> body(event), this::post);
    }

    /** The notice as an Adaptive Card: bold title, then the text; no action. */
    @Override
    public SendResult sendNotice(Notice notice) {
        return postJson("notice", () -> {
            ObjectNode message = json.createObjectNode();
            message.put("type", "message");
            ObjectNode attachment = message.putArray("attachments").addObject();
            attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
            attachment.putNull("contentUrl");
            ObjectNode card = attachment.putObject("content");
            card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            card.put("type", "AdaptiveCard");
            card.put("version", "1.4");
            ArrayNode items = card.putArray("body");
            items.addObject().put("type", "TextBlock")
                    .put("text", TextEscape.markdown(MessageText.truncate(notice.title(), 300)))
                    .put("weight", "Bolder").put("size", "Medium").put("wrap", true);
            items.addObject().put("type", "TextBlock")
                    .put("text", TextEscape.markdown(MessageText.truncate(notice.text(), MAX_TEXT))).put("wrap", true);
            return message;
        }, this::post);
    }

    private SendResult post(String body) {
        return webhook.send(target.endpoint(), Map.of(), body, r -> new SendResult.Sent(null), r -> Optional.empty());
    }

    ObjectNode body(StockEvent event) {
        MessageText m = MessageText.of(event);
        ObjectNode body = json.createObjectNode();
        body.put("type", "message");
        ObjectNode attachment = body.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode items = card.putArray("body");
        String title = template != null ? template.render(event, TextEscape::markdown, s -> s)
                : TextEscape.markdown(switch (m.kind()) {
                    case RESTOCKED -> m.name() + " is back in stock";
                    case SOLD_OUT, CHANGED -> m.name() + " " + m.headline();
                });
        items.addObject().put("type", "TextBlock").put("text", MessageText.truncate(title, MAX_TEXT))
                .put("weight", "Bolder").put("size", "Medium").put("wrap", true);
        ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
        if (m.buyable() && m.price() != null) {
            facts.addObject().put("title", "Price").put("value", TextEscape.markdown(m.price()));
        }
        if (m.buyable() && m.quantity() != null) {
            facts.addObject().put("title", "Stock").put("value", m.quantity());
        }
        if (m.site() != null) {
            facts.addObject().put("title", "Shop").put("value", TextEscape.markdown(MessageText.truncate(m.site(), 200)));
        }
        if (m.link() != null && (m.link().startsWith("https://") || m.link().startsWith("http://"))) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl")
                    .put("title", m.buyable() ? "Buy now" : "Open").put("url", m.link());
        }
        return body;
    }
}
