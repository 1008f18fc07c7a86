package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends alerts with the Bot API's {@code sendMessage}: HTML parse mode, a "Buy now" inline URL button, link
 * previews off. Keeps the returned {@code message_id}; a 429 waits {@code parameters.retry_after} seconds.
 */
final class TelegramChannel extends HttpChannel {

    static final int MAX_TEXT = 4_096;
    private static final int MAX_NAME = 1_000;

    private final TelegramChannelType.Target target;
    private final MessageTemplate template;

    TelegramChannel(String name, TelegramChannelType.Target target, MessageTemplate template,
            ChannelContext context) {
        super(name, target.endpoint(), new JsonWebhook(context, List.of(target.token())));
        this.target = target;
        this.template = template;
    }

    /** Telegram: about 1 message/s per chat, at most 20/min in a group. */
    @Override
    public Pacing pacing() {
        return target.chat().startsWith("-") ? new Pacing(3, java.time.Duration.ofSeconds(3)) : new Pacing(3, java.time.Duration.ofSeconds(1));
    }

    @Override
    public SendResult send(StockEvent event) {
        return postJson("alert", () -> body(event), this::post);
    }

    /** The notice in HTML parse mode: bold title, then the text; no button. */
    @Override
    public SendResult sendNotice(Notice notice) {
        return postJson("notice", () -> {
            ObjectNode message = json.createObjectNode();
            if (target.chat().startsWith("@")) {
                message.put("chat_id", target.chat());
            } else {
                message.put("chat_id", Long.parseLong(target.chat()));
            }
            if (target.topic() != null) {
                message.put("message_thread_id", target.topic());
            }
            // cut before escaping: a cut after it could split an entity, which Telegram refuses
            String text = "<b>" + TextEscape.html(MessageText.truncate(notice.title(), 200)) + "</b>\n"
                    + TextEscape.html(MessageText.truncate(notice.text(), 550));
            message.put("text", MessageText.truncate(text, MAX_TEXT));
            message.put("parse_mode", "HTML");
            message.putObject("link_preview_options").put("is_disabled", true);
            if (target.silent()) {
                message.put("disable_notification", true);
            }
            return message;
        }, this::post);
    }

    @Override
    public boolean canEdit() {
        return true;
    }

    /** {@code editMessageText} on the same chat; Telegram's "message is not modified" counts as done. */
    @Override
    public SendResult edit(String messageId, StockEvent event) {
        if (messageId == null || !messageId.matches("[0-9]{1,19}")) {
            return new SendResult.Failed(false, "Telegram message id must be a number");
        }
        return postJson("alert", () -> {
            ObjectNode edit = body(event);
            edit.put("message_id", Long.parseLong(messageId));
            edit.remove("disable_notification");
            edit.remove("message_thread_id");
            return edit;
        }, body -> {
            String send = target.endpoint().toString();
            java.net.URI endpoint = java.net.URI.create(send.substring(0, send.lastIndexOf('/')) + "/editMessageText");
            SendResult result = webhook.send(endpoint, Map.of(), body, this::sent, r -> retryAfter(r.body()));
            if (result instanceof SendResult.Failed f && f.detail().contains("message is not modified")) {
                return new SendResult.Sent(messageId);
            }
            return result;
        });
    }

    private SendResult post(String body) {
        return webhook.send(target.endpoint(), Map.of(), body, this::sent, r -> retryAfter(r.body()));
    }

    ObjectNode body(StockEvent event) {
        MessageText m = MessageText.of(event);
        ObjectNode body = json.createObjectNode();
        if (target.chat().startsWith("@")) {
            body.put("chat_id", target.chat());
        } else {
            body.put("chat_id", Long.parseLong(target.chat()));
        }
        if (target.topic() != null) {
            body.put("message_thread_id", target.topic());
        }
        String text = template != null
                ? template.render(event, TextEscape::html, TextEscape::html)
                : text(m);
        body.put("text", MessageText.truncate(text, MAX_TEXT));
        body.put("parse_mode", "HTML");
        body.putObject("link_preview_options").put("is_disabled", !target.preview());
        if (target.silent()) {
            body.put("disable_notification", true);
        }
        if (m.link() != null && (m.link().startsWith("https://") || m.link().startsWith("http://"))) {
            body.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject()
                    .put("text", m.buyable() ? "Buy now" : "Open").put("url", m.link());
        }
        return body;
    }

    private static String text(MessageText m) {
        StringBuilder sb = new StringBuilder();
        sb.append("<b>").append(TextEscape.html(MessageText.truncate(m.name(), MAX_NAME))).append("</b> ")
                .append(TextEscape.html(m.headline()));
        StringBuilder facts = new StringBuilder();
        if (m.buyable() && m.price() != null) {
            facts.append("Price: ").append(TextEscape.html(m.price()));
        }
        if (m.buyable() && m.quantity() != null) {
            facts.append(facts.isEmpty() ? "" : " · ").append("Stock: ").append(m.quantity());
        }
        if (m.site() != null) {
            facts.append(facts.isEmpty() ? "" : " · ").append("Shop: ")
                    .append(TextEscape.html(MessageText.truncate(m.site(), 200)));
        }
        if (!facts.isEmpty()) {
            sb.append('\n').append(facts);
        }
        return sb.toString();
    }

    private SendResult sent(JsonWebhook.Response response) {
        JsonNode root = readJson(response.body()).orElse(null);
        if (root == null || !root.path("ok").asBoolean(false)) {
            String description = root == null ? "" : root.path("description").asText("");
            return new SendResult.Failed(false, "Telegram said not ok: " + webhook.excerpt(description));
        }
        JsonNode id = root.path("result").path("message_id");
        return new SendResult.Sent(id.isIntegralNumber() ? id.asText() : null);
    }

    /** Telegram's 429 body: {@code {"parameters": {"retry_after": 35}}} in whole seconds. */
    private Optional<Duration> retryAfter(String body) {
        return readJson(body)
                .map(n -> n.path("parameters").path("retry_after"))
                .filter(JsonNode::isNumber)
                .map(n -> RetryAfterHeader.seconds(n.decimalValue()));
    }

    private Optional<JsonNode> readJson(String text) {
        try {
            return Optional.ofNullable(json.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
