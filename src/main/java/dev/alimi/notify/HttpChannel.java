package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.function.Function;

/** A channel that posts JSON over one {@link JsonWebhook}: its name, rate-limit quiet time and warm-up. */
abstract class HttpChannel implements Channel {

    /** Builds the value to serialize; may throw while building. */
    @FunctionalInterface
    interface JsonBody {
        Object build() throws JsonProcessingException;
    }

    private final String name;
    private final URI warmUpEndpoint;
    final JsonWebhook webhook;
    final ObjectMapper json = new ObjectMapper();

    HttpChannel(String name, URI warmUpEndpoint, JsonWebhook webhook) {
        this.name = name;
        this.warmUpEndpoint = warmUpEndpoint;
        this.webhook = webhook;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Instant quietUntil() {
        return webhook.quietUntil();
    }

    @Override
    public final void warmUp() {
        webhook.warmUp(warmUpEndpoint);
    }

    /**
     * Serializes the built value and hands the text to {@code post}; a value that cannot be built or written
     * fails for good as "could not format the {@code what} (…)", since retrying would fail the same way.
     */
    final SendResult postJson(String what, JsonBody body, Function<String, SendResult> post) {
        String text;
        try {
            text = json.writeValueAsString(body.build());
        } catch (JsonProcessingException | RuntimeException e) {
            return new SendResult.Failed(false,
                    "could not format the " + what + " (" + e.getClass().getSimpleName() + ")");
        }
        return post.apply(text);
    }
}
