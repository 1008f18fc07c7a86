package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Posts alerts to a Discord webhook with {@code wait=true}, keeping the returned message id for later edits. */
final class DiscordChannel extends HttpChannel {

    static final String USER_AGENT = "DiscordBot (https://github.com/alimi, 0.1)";

    private final URI endpoint;
    private final String username;
    /** The one role an alert may ping, or null for none. */
    private final String role;
    private final MessageTemplate template;

    DiscordChannel(String name, URI endpoint, String username, String role, List<String> secrets,
            MessageTemplate template, ChannelContext context) {
        super(name, endpoint, new JsonWebhook(context, secrets));
        this.role = role;
        this.template = template;
        this.endpoint = endpoint;
        this.username = username;
    }

    /** Discord webhooks take about 5 requests per 2 s. */
    @Override
    public Pacing pacing() {
        return Pacing.of(5, 5, java.time.Duration.ofSeconds(2));
    }

    @Override
    public SendResult send(StockEvent event) {
        return postJson("alert", () -> {
            com.fasterxml.jackson.databind.node.ObjectNode message =
                    DiscordMessage.body(MessageText.of(event), username, json);
            if (template != null) {
                message.put("content", MessageText.truncate(
                        template.render(event, DiscordMessage::escape, u -> "<" + u + ">"), DiscordMessage.MAX_CONTENT));
            }
            mentionRole(message);
            return message;
        }, body -> webhook.post(endpoint, Map.of("User-Agent", USER_AGENT), body, this::sent, this::retryAfter));
    }

    /** The notice as plain content, markdown escaped, mentioning nobody (not even the alert role). */
    @Override
    public SendResult sendNotice(Notice notice) {
        return postJson("notice", () -> {
            com.fasterxml.jackson.databind.node.ObjectNode message = json.createObjectNode();
            message.put("content", MessageText.truncate("**" + DiscordMessage.escape(MessageText.truncate(
                    notice.title(), 300)) + "**\n" + DiscordMessage.escape(MessageText.truncate(notice.text(), 690)),
                    DiscordMessage.MAX_CONTENT));
            if (username != null && !username.isBlank()) {
                message.put("username", MessageText.truncate(username.strip(), 80));
            }
            message.putObject("allowed_mentions").putArray("parse");
            return message;
        }, body -> webhook.post(endpoint, Map.of("User-Agent", USER_AGENT), body, this::sent, this::retryAfter));
    }

    @Override
    public boolean canEdit() {
        return true;
    }

    /** PATCH {@code /messages/{id}} of the webhook, with {@code allowed_mentions} sent again. */
    @Override
    public SendResult edit(String messageId, StockEvent event) {
        if (messageId == null || !messageId.matches("[0-9]{1,25}")) {
            return new SendResult.Failed(false, "Discord message id must be a snowflake (digits)");
        }
        return postJson("alert", () -> {
            com.fasterxml.jackson.databind.node.ObjectNode message =
                    DiscordMessage.body(MessageText.of(event), username, json);
            message.remove("username");
            mentionRole(message);
            return message;
        }, body -> {
            String query = endpoint.getRawQuery() == null ? "" : endpoint.getRawQuery().replaceAll("(^|&)wait=true", "")
                    .replaceAll("^&", "");
            URI edit = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + endpoint.getRawPath()
                    + "/messages/" + messageId + (query.isEmpty() ? "" : "?" + query));
            return webhook.send("PATCH", edit, Map.of("User-Agent", USER_AGENT), body, this::sent,
                    r -> retryAfter(r.body()));
        });
    }

    /** Puts the role's ping in front and allows exactly that role; the content's own mentions stay inert. */
    private void mentionRole(com.fasterxml.jackson.databind.node.ObjectNode message) {
        if (role == null) {
            return;
        }
        message.put("content", MessageText.truncate("<@&" + role + "> " + message.path("content").asText(),
                DiscordMessage.MAX_CONTENT));
        ((com.fasterxml.jackson.databind.node.ObjectNode) message.path("allowed_mentions")).putArray("roles").add(role);
    }

    private SendResult sent(JsonWebhook.Response response) {
        if (response.status() == 204 || response.body().isBlank()) {
            return new SendResult.Sent(null);
        }
        JsonNode id = readJson(response.body()).map(n -> n.get("id")).orElse(null);
        return new SendResult.Sent(id != null && id.isValueNode() && !id.asText().isBlank() ? id.asText() : null);
    }

    /** Discord's 429 body: {@code {"retry_after": 64.57, ...}} in float seconds. */
    private Optional<Duration> retryAfter(String body) {
        return readJson(body)
                .map(n -> n.get("retry_after"))
                .filter(JsonNode::isNumber)
                .map(n -> RetryAfterHeader.seconds(new BigDecimal(n.asText())));
    }

    private Optional<JsonNode> readJson(String text) {
        try {
            return Optional.ofNullable(json.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
