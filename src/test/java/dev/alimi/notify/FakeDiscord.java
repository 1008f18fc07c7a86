package dev.alimi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.ChannelSpec;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Discord webhook receiver on loopback. Unless scripted: {@code 400} code 50035 without a JSON
 * content type (as Discord does), {@code 200} with a message object whose {@code id} is an incrementing
 * snowflake when the query has {@code wait=true}, else {@code 204}. {@link #spec} posts to it.
 */
public final class FakeDiscord extends FakeReceiver {

    public static final String WEBHOOK_ID = "112233445566778899";
    public static final String TOKEN = "tok-SECRET_abc.def";
    /** The webhook path the {@link #spec} channel posts to. */
    public static final String PATH = "/api/webhooks/" + WEBHOOK_ID + "/" + TOKEN;
    /** The first message id handed out; each message gets the next. */
    public static final long FIRST_MESSAGE_ID = 1_300_000_000_000_000_000L;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong nextId = new AtomicLong(FIRST_MESSAGE_ID);

    @Override
    protected Reply defaultReply(Request request) {
        if (request.method().equals("PATCH")) {
            return edit(request);
        }
        String type = request.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return Reply.of(400, Map.of("Content-Type", "application/json"),
                    "{\"code\":50035,\"message\":\"Invalid Form Body\"}");
        }
        if (!request.query().contains("wait=true")) {
            return Reply.of(204, Map.of(), "");
        }
        ObjectNode message = json.createObjectNode();
        message.put("id", Long.toString(nextId.getAndIncrement()));
        message.put("type", 0);
        message.put("channel_id", "998877665544332211");
        message.put("webhook_id", WEBHOOK_ID);
        try {
            JsonNode sent = json.readTree(request.body());
            message.set("content", sent.path("content"));
            message.set("embeds", sent.path("embeds"));
        } catch (IOException e) {
            return Reply.of(400, Map.of("Content-Type", "application/json"),
                    "{\"code\":50109,\"message\":\"The request body contains invalid JSON.\"}");
        }
        return Reply.of(200, Map.of("Content-Type", "application/json"), message.toString());
    }

    /** PATCH {@code …/messages/{id}}: 200 with the message for an id this receiver handed out, else 10008. */
    private Reply edit(Request request) {
        String prefix = PATH + "/messages/";
        String id = request.path().startsWith(prefix) ? request.path().substring(prefix.length()) : "";
        if (!id.matches("[0-9]+") || Long.parseLong(id) < FIRST_MESSAGE_ID || Long.parseLong(id) >= nextId.get()) {
            return Reply.of(404, Map.of("Content-Type", "application/json"),
                    "{\"code\":10008,\"message\":\"Unknown Message\"}");
        }
        JsonNode sent = null;
        try {
            sent = json.readTree(request.body());
        } catch (IOException e) {
            // answered below
        }
        if (sent == null || !sent.path("allowed_mentions").isObject()) {
            return Reply.of(400, Map.of("Content-Type", "application/json"),
                    "{\"code\":50035,\"message\":\"Invalid Form Body\"}");
        }
        ObjectNode message = json.createObjectNode().put("id", id).put("webhook_id", WEBHOOK_ID);
        message.set("content", sent.path("content"));
        return Reply.of(200, Map.of("Content-Type", "application/json"), message.toString());
    }

    /** A short-form channel with {@code base-url} set to this receiver. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, "discord://" + WEBHOOK_ID + "/" + TOKEN, null, baseUrl(), Map.of());
    }

    /** The raw webhook URL on this receiver, for the long form with {@code type: discord}. */
    public URI webhookUrl() {
        return URI.create(baseUrl() + PATH);
    }
}
