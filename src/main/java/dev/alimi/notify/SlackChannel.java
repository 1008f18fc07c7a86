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
    private final ObjectMapper json = new ObjectMapper();

    SlackChannel(String name, URI endpoint, List<String> secrets, ChannelContext context) {
        this.name = name;
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

    @Override
    public SendResult send(StockEvent event) {
        String body;
        try {
            body = json.writeValueAsString(SlackMessage.body(MessageText.of(event), json));
        } catch (JsonProcessingException | RuntimeException e) {
            return new SendResult.Failed(false, "could not format the alert (" + e.getClass().getSimpleName() + ")");
        }
        return webhook.post(endpoint, Map.of(), body, response -> new SendResult.Sent(null), b -> Optional.empty());
    }
}
