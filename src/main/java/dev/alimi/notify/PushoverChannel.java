package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends alerts to Pushover with the product page as {@code url} and a {@code ttl} equal to what is left of the
 * alert's TTL, so a stale alert disappears from the phone by itself. Pushover's 429 is a monthly quota with
 * no Retry-After: the wait runs to {@code X-Limit-App-Reset}, which normally outlives the alert.
 */
final class PushoverChannel extends HttpChannel {

    static final int MAX_MESSAGE = 1_024;
    static final int MAX_TITLE = 250;
    static final int MAX_URL = 512;
    /** Emergency alerts repeat this often until acknowledged; Pushover's minimum. */
    static final int EMERGENCY_RETRY_SECONDS = 30;

    private final PushoverChannelType.Target target;
    private final MessageTemplate template;
    private final Clock clock;

    PushoverChannel(String name, PushoverChannelType.Target target, MessageTemplate template, ChannelContext context) {
        super(name, target.endpoint(), new JsonWebhook(context, List.of(target.user(), target.token())));
        this.target = target;
        this.template = template;
        this.clock = context.clock();
    }

    @Override
    public SendResult send(StockEvent event) {
        return send(event, null);
    }

    @Override
    public SendResult send(StockEvent event, Instant deadline) {
        return postJson("alert", () -> body(event, deadline), this::post);
    }

    @Override
    public SendResult sendNotice(Notice notice) {
        return sendNotice(notice, null);
    }

    /** The notice as title and message at normal priority (low on recovery), expiring on the phone with its TTL. */
    @Override
    public SendResult sendNotice(Notice notice, Instant deadline) {
        return postJson("notice", () -> {
            ObjectNode message = json.createObjectNode();
            message.put("token", target.token());
            message.put("user", target.user());
            if (!target.devices().isEmpty()) {
                message.put("device", String.join(",", target.devices()));
            }
            message.put("title", MessageText.truncate(notice.title(), MAX_TITLE));
            message.put("message", MessageText.truncate(notice.text(), MAX_MESSAGE));
            message.put("priority", notice.recovered() ? -1 : 0);
            message.put("timestamp", notice.at().getEpochSecond());
            if (deadline != null) {
                message.put("ttl", Math.max(1, Duration.between(clock.instant(), deadline).toSeconds()));
            }
            return message;
        }, this::post);
    }

    private SendResult post(String body) {
        return webhook.send(target.endpoint(), Map.of(), body, this::sent, this::quotaReset);
    }

    ObjectNode body(StockEvent event, Instant deadline) {
        MessageText m = MessageText.of(event);
        ObjectNode body = json.createObjectNode();
        body.put("token", target.token());
        body.put("user", target.user());
        if (!target.devices().isEmpty()) {
            body.put("device", String.join(",", target.devices()));
        }
        body.put("title", MessageText.truncate(switch (m.kind()) {
            case RESTOCKED -> "Back in stock: " + m.name();
            case SOLD_OUT, CHANGED -> m.name() + " " + m.headline();
        }, MAX_TITLE));
        String message = template != null ? template.render(event, s -> s, s -> s) : m.summary();
        body.put("message", MessageText.truncate(message, MAX_MESSAGE));
        if (m.link() != null && m.link().length() <= MAX_URL) {
            body.put("url", m.link());
            body.put("url_title", m.buyable() ? "Buy now" : "Open");
        }
        // only the restock itself may ring loud; its end and changes are news, not a call to act at once
        int priority = switch (m.kind()) {
            case RESTOCKED -> target.priority();
            case SOLD_OUT, CHANGED -> Math.min(target.priority(), 0);
        };
        body.put("priority", priority);
        if (target.sound() != null) {
            body.put("sound", target.sound());
        }
        body.put("timestamp", m.observedAt().getEpochSecond());
        if (deadline != null) {
            long ttl = Math.max(1, Duration.between(clock.instant(), deadline).toSeconds());
            body.put("ttl", ttl);
            if (priority == 2) {
                body.put("retry", EMERGENCY_RETRY_SECONDS);
                body.put("expire", Math.clamp(ttl, EMERGENCY_RETRY_SECONDS, 10_800));
            }
        } else if (priority == 2) {
            body.put("retry", EMERGENCY_RETRY_SECONDS);
            body.put("expire", 600);
        }
        return body;
    }

    private SendResult sent(JsonWebhook.Response response) {
        try {
            JsonNode root = json.readTree(response.body());
            if (root.path("status").asInt(0) != 1) {
                return new SendResult.Failed(false, "Pushover said status " + root.path("status").asText("?") + ": "
                        + webhook.excerpt(root.path("errors").toString()));
            }
            JsonNode request = root.path("request");
            return new SendResult.Sent(request.isTextual() ? request.asText() : null);
        } catch (JsonProcessingException e) {
            return new SendResult.Failed(false, "Pushover answered 2xx without JSON");
        }
    }

    /** The quota comes back at {@code X-Limit-App-Reset}, a unix timestamp. */
    private Optional<Duration> quotaReset(JsonWebhook.Response response) {
        return response.headers().firstValue("X-Limit-App-Reset")
                .filter(v -> v.strip().matches("[0-9]{1,12}"))
                .map(v -> Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(v.strip()))))
                .map(d -> d.isNegative() ? Duration.ZERO : d);
    }
}
