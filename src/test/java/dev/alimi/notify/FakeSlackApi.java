package dev.alimi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.ChannelSpec;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Slack Web API on loopback: {@code POST /api/chat.postMessage} with a bearer bot token answers
 * {@code 200 {"ok":true,"channel","ts"}}; like Slack, its errors are 200 {@code {"ok":false,"error":…}}
 * ({@code invalid_auth}, {@code channel_not_found}, {@code no_text}).
 */
public final class FakeSlackApi extends FakeReceiver {

    public static final String TOKEN = "xoxb-1234567890-0987654321-SeCrEtBoTtOkEn";
    public static final String CHANNEL = "C0123ABCD";
    public static final String FIRST_TS = "1712345678.000100";

    private final AtomicLong next = new AtomicLong(100);

    private final java.util.Set<String> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    protected Reply defaultReply(Request request) {
        if (request.path().equals("/api/chat.update")) {
            JsonNode body = FakeJson.read(request.body());
            if (!("Bearer " + TOKEN).equals(request.header("Authorization"))) {
                return error("invalid_auth");
            }
            if (body == null || !body.path("channel").asText().equals(CHANNEL)) {
                return error("channel_not_found");
            }
            return sent.contains(body.path("ts").asText()) ? Reply.of(200, Map.of("Content-Type", "application/json"),
                    "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"" + body.path("ts").asText() + "\"}")
                    : error("message_not_found");
        }
        if (!request.path().equals("/api/chat.postMessage")) {
            return Reply.of(404, Map.of(), "");
        }
        if (!("Bearer " + TOKEN).equals(request.header("Authorization"))) {
            return error("invalid_auth");
        }
        JsonNode body = FakeJson.read(request.body());
        if (body == null || !body.path("channel").asText().equals(CHANNEL)) {
            return error("channel_not_found");
        }
        if (body.path("text").asText("").isBlank()) {
            return error("no_text");
        }
        String ts = String.format("1712345678.%06d", next.getAndIncrement());
        sent.add(ts);
        return Reply.of(200, Map.of("Content-Type", "application/json"),
                "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"" + ts + "\",\"message\":{}}");
    }

    private static Reply error(String code) {
        return Reply.of(200, Map.of("Content-Type", "application/json"), "{\"ok\":false,\"error\":\"" + code + "\"}");
    }

    /** The Shoutrrr bot form, with {@code base-url} set to this receiver. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, "slack://xoxb:" + TOKEN.substring(5) + "@" + CHANNEL, null, baseUrl(), Map.of());
    }
}
