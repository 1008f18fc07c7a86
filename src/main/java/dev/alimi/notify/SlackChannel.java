package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alimi.model.StockEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Posts alerts to a Slack incoming webhook; success is 200 {@code ok}, and no message id comes back. */
final class SlackChannel implements Channel {

    private final String name;
    private final URI endpoint;
    private final JsonWebhook webhook;
    private final MessageTemplate template;
    private final ObjectMapper json = new ObjectMapper();

    SlackChannel(String name, URI endpoint, List<String> secrets, MessageTemplate template, ChannelContext context) {
        this.name = name;
        this.template = template;
        this.endpoint = endpoint;
        this.webhook = new JsonWebhook(context, secrets);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public java.time.Instant quietUntil() {
        return webhook.quietUntil();
    }

    @Override
    public void warmUp() {
        webhook.warmUp(endpoint);
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
        String body;
        try {
            com.fasterxml.jackson.databind.node.ObjectNode message = SlackMessage.body(MessageText.of(event), json);
            if (template != null) {
                String text = template.render(event, SlackMessage::escape, SlackChannel::linkUrl);
                message.put("text", MessageText.truncate(text, SlackMessage.MAX_TEXT));
                ((com.fasterxml.jackson.databind.node.ObjectNode) message.path("blocks").path(0).path("text"))
                        .put("text", MessageText.truncate(text, 3_000));
            }
            body = json.writeValueAsString(message);
        } catch (JsonProcessingException | RuntimeException e) {
            return new SendResult.Failed(false, "could not format the alert (" + e.getClass().getSimpleName() + ")");
        }
        return webhook.post(endpoint, Map.of(), body, response -> new SendResult.Sent(null), b -> Optional.empty());
    }
}
