package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts alerts to Slack: to an incoming webhook (success is 200 {@code ok}, no message id), or with a bot token
 * to {@code chat.postMessage} (success is {@code {"ok":true,"ts":…}}, and the {@code ts} is kept for edits).
 */
final class SlackChannel extends HttpChannel {

    private final URI endpoint;
    private final MessageTemplate template;

    private final String botToken;
    private final String botChannel;

    SlackChannel(String name, URI endpoint, List<String> secrets, MessageTemplate template, ChannelContext context,
            String botToken, String botChannel) {
        super(name, endpoint, new JsonWebhook(context, secrets));
        this.botToken = botToken;
        this.botChannel = botChannel;
        this.template = template;
        this.endpoint = endpoint;
    }

    /** Slack allows about one message per second per webhook, with short bursts. */
    @Override
    public Pacing pacing() {
        return new Pacing(3, java.time.Duration.ofSeconds(1));
    }

    /** A URL inside Slack's {@code <url|label>}: {@code |}, {@code <}, {@code >} and spaces percent-encoded. */
    static String linkUrl(String url) {
        return url.replace(" ", "%20").replace("|", "%7C").replace("<", "%3C").replace(">", "%3E");
    }

    @Override
    public SendResult send(StockEvent event) {
        return postJson("alert", () -> {
            com.fasterxml.jackson.databind.node.ObjectNode message = SlackMessage.body(MessageText.of(event), json);
            if (template != null) {
                String text = template.render(event, SlackMessage::escape, SlackChannel::linkUrl);
                message.put("text", MessageText.truncate(text, SlackMessage.MAX_TEXT));
                ((com.fasterxml.jackson.databind.node.ObjectNode) message.path("blocks").path(0).path("text"))
                        .put("text", MessageText.truncate(text, 3_000));
            }
            if (botChannel != null) {
                message.put("channel", botChannel);
            }
            return message;
        }, this::post);
    }

    /** The notice as a mrkdwn section: bold title, then the text; no button. */
    @Override
    public SendResult sendNotice(Notice notice) {
        return postJson("notice", () -> {
            com.fasterxml.jackson.databind.node.ObjectNode message = json.createObjectNode();
            // cut before escaping, so that even all-"&" text stays within the 3,000-character section
            String title = SlackMessage.escape(MessageText.truncate(notice.title(), 100));
            String text = SlackMessage.escape(MessageText.truncate(notice.text(), 350));
            message.put("text", title + ": " + text);
            message.put("unfurl_links", false);
            message.put("unfurl_media", false);
            message.putArray("blocks").addObject().put("type", "section").putObject("text")
                    .put("type", "mrkdwn").put("text", "*" + title + "*\n" + text);
            if (botChannel != null) {
                message.put("channel", botChannel);
            }
            return message;
        }, this::post);
    }

    private SendResult post(String body) {
        if (botToken == null) {
            return webhook.post(endpoint, Map.of(), body, response -> new SendResult.Sent(null), b -> Optional.empty());
        }
        return webhook.post(endpoint, Map.of("Authorization", "Bearer " + botToken), body, this::posted,
                b -> Optional.empty());
    }

    /** Only with a bot token: incoming webhooks return no message to edit. */
    @Override
    public boolean canEdit() {
        return botToken != null;
    }

    /** {@code chat.update} with a bot token (the channel must be given by id); webhooks cannot edit. */
    @Override
    public SendResult edit(String messageId, StockEvent event) {
        if (botToken == null) {
            return new SendResult.Failed(false, "Slack incoming webhooks cannot edit messages; use a bot token");
        }
        if (messageId == null || !messageId.matches("[0-9]{1,12}\\.[0-9]{1,8}")) {
            return new SendResult.Failed(false, "Slack message ts must look like 1712345678.123456");
        }
        return postJson("alert", () -> {
            com.fasterxml.jackson.databind.node.ObjectNode message = SlackMessage.body(MessageText.of(event), json);
            message.put("channel", botChannel);
            message.put("ts", messageId);
            return message;
        }, body -> {
            String post = endpoint.toString();
            URI update = URI.create(post.substring(0, post.lastIndexOf('/')) + "/chat.update");
            return webhook.post(update, Map.of("Authorization", "Bearer " + botToken), body, this::posted,
                    b -> Optional.empty());
        });
    }

    /** The Web API answers 200 even for errors: {@code {"ok":false,"error":"channel_not_found"}}. */
    private SendResult posted(JsonWebhook.Response response) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            return new SendResult.Failed(false, "Slack answered 2xx without JSON");
        }
        if (root.path("ok").asBoolean(false)) {
            String ts = root.path("ts").asText("");
            return new SendResult.Sent(ts.isEmpty() ? null : ts);
        }
        String error = root.path("error").asText("unknown error");
        if (error.equals("ratelimited")) {
            return new SendResult.RetryAfter(java.time.Duration.ofSeconds(1), "Slack said ratelimited");
        }
        return new SendResult.Failed(error.equals("internal_error") || error.equals("fatal_error")
                || error.equals("service_unavailable"), "Slack said " + webhook.excerpt(error));
    }
}
