package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes alerts as ntfy JSON to the server root: {@code click} opens the product page straight from the
 * phone's notification. ntfy's 429 carries no Retry-After, so the wait is one refill of its request bucket.
 */
final class NtfyChannel extends HttpChannel {

    /** ntfy refills a visitor's request bucket at one request per 5 s. */
    static final Duration REFILL = Duration.ofSeconds(5);
    static final int MAX_MESSAGE = 4_000;

    private final NtfyChannelType.Target target;
    private final MessageTemplate template;

    NtfyChannel(String name, NtfyChannelType.Target target, MessageTemplate template, ChannelContext context) {
        super(name, target.endpoint(), new JsonWebhook(context, target.secrets()));
        this.target = target;
        this.template = template;
    }

    /** ntfy: a bucket of 60 requests per visitor, refilled at one per 5 s. */
    @Override
    public Pacing pacing() {
        return new Pacing(60, REFILL);
    }

    @Override
    public SendResult send(StockEvent event) {
        return postJson("alert", () -> body(event), this::publish);
    }

    /** The notice as plain title and message; high priority while the incident lasts, default on recovery. */
    @Override
    public SendResult sendNotice(Notice notice) {
        return postJson("notice", () -> {
            ObjectNode message = json.createObjectNode();
            message.put("topic", target.topic());
            message.put("title", MessageText.truncate(notice.title(), 250));
            message.put("message", MessageText.truncate(notice.text(), MAX_MESSAGE));
            message.put("priority", notice.recovered() ? 3 : 4);
            message.putArray("tags").add("alimi");
            return message;
        }, this::publish);
    }

    private SendResult publish(String body) {
        Map<String, String> headers = new HashMap<>();
        if (target.authorization() != null) {
            headers.put("Authorization", target.authorization());
        }
        return webhook.send(target.endpoint(), headers, body, this::sent, r -> Optional.of(REFILL));
    }

    ObjectNode body(StockEvent event) {
        MessageText m = MessageText.of(event);
        ObjectNode body = json.createObjectNode();
        body.put("topic", target.topic());
        body.put("title", MessageText.truncate(switch (m.kind()) {
            case RESTOCKED -> "Back in stock: " + m.name();
            case SOLD_OUT, CHANGED -> m.name() + " " + m.headline();
        }, 250));
        String message = template != null ? template.render(event, s -> s, s -> s) : facts(m);
        body.put("message", MessageText.truncate(message, MAX_MESSAGE));
        body.put("priority", target.priority() != null ? target.priority() : switch (m.kind()) {
            case RESTOCKED -> 4;
            case CHANGED -> 3;
            case SOLD_OUT -> 2;
        });
        ArrayNode tags = body.putArray("tags");
        if (target.tags().isEmpty()) {
            tags.add(switch (m.kind()) {
                case RESTOCKED -> "shopping_cart";
                case CHANGED -> "warning";
                case SOLD_OUT -> "x";
            });
        } else {
            target.tags().forEach(tags::add);
        }
        if (m.link() != null && (m.link().startsWith("https://") || m.link().startsWith("http://"))) {
            body.put("click", m.link());
            body.putArray("actions").addObject().put("action", "view").put("label", m.buyable() ? "Buy now" : "Open")
                    .put("url", m.link()).put("clear", true);
        }
        return body;
    }

    private static String facts(MessageText m) {
        StringBuilder sb = new StringBuilder();
        switch (m.kind()) {
            case RESTOCKED, CHANGED -> {
                if (m.price() != null) {
                    sb.append(m.price());
                }
                if (m.quantity() != null) {
                    sb.append(sb.isEmpty() ? "" : " · ").append(m.quantity()).append(" left");
                }
            }
            case SOLD_OUT -> sb.append("Sold out again after ").append(m.headline().replace("sold out again after ", ""));
        }
        if (m.site() != null) {
            sb.append(sb.isEmpty() ? "" : " · ").append(m.site());
        }
        return sb.isEmpty() ? m.summary() : sb.toString();
    }

    private SendResult sent(JsonWebhook.Response response) {
        try {
            JsonNode id = json.readTree(response.body()).path("id");
            return new SendResult.Sent(id.isTextual() ? id.asText() : null);
        } catch (JsonProcessingException e) {
            return new SendResult.Sent(null);
        }
    }
}
