package dev.alimi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.ChannelSpec;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Gotify server on loopback: {@code POST /message} with {@code X-Gotify-Key}; 401 with Gotify's error
 * JSON for another key, 400 without a message, else 200 with the message JSON and its {@code id}.
 */
public final class FakeGotify extends FakeReceiver {

    public static final String TOKEN = "AqNAxk2T.sEcReT";
    private final AtomicLong next = new AtomicLong(1);

    @Override
    protected Reply defaultReply(Request request) {
        if (!TOKEN.equals(request.header("X-Gotify-Key"))) {
            return Reply.of(401, Map.of("Content-Type", "application/json"),
                    "{\"error\":\"Unauthorized\",\"errorCode\":401,\"errorDescription\":\"you need to provide a valid "
                            + "access token or user credentials to access this api\"}");
        }
        JsonNode body = FakeJson.read(request.body());
        if (!request.path().equals("/message") || body == null || body.path("message").asText("").isBlank()) {
            return Reply.of(400, Map.of("Content-Type", "application/json"),
                    "{\"error\":\"Bad Request\",\"errorCode\":400,\"errorDescription\":\"message is required\"}");
        }
        ObjectNode m = ((ObjectNode) body.deepCopy()).put("id", next.getAndIncrement()).put("appid", 1);
        return Reply.of(200, Map.of("Content-Type", "application/json"), m.toString());
    }

    /** The Apprise/Shoutrrr form on this receiver's port, over plain HTTP. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, "gotify://127.0.0.1:" + baseUrl().getPort() + "/" + TOKEN + "?disabletls=yes",
                null, null, Map.of());
    }
}
