package dev.alimi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.ChannelSpec;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake ntfy server on loopback. JSON publishing to {@code POST /}: 40101 without the bearer token, 40009
 * for a bad topic, else 200 with the message JSON and its {@code id}. Errors have ntfy's shape
 * {@code {"code":…,"http":…,"error":…}}, and its 429 has no Retry-After.
 */
public final class FakeNtfy extends FakeReceiver {

    public static final String TOPIC = "alimi-masks";
    public static final String TOKEN = "tk_secrettoken0123456789";
    public static final String RATE_LIMITED = "{\"code\":42901,\"http\":429,\"error\":\"limit reached: too many "
            + "requests\",\"link\":\"https://ntfy.sh/docs/publish/#limitations\"}";

    private final AtomicLong next = new AtomicLong(1);

    @Override
    protected Reply defaultReply(Request request) {
        if (!("Bearer " + TOKEN).equals(request.header("Authorization"))) {
            return error(401, 40101, "unauthorized");
        }
        JsonNode body = FakeJson.read(request.body());
        if (!request.path().equals("/") || body == null || !body.path("topic").asText("").matches("[-_A-Za-z0-9]{1,64}")) {
            return error(400, 40009, "invalid request: topic invalid");
        }
        int priority = body.path("priority").asInt(3);
        if (priority < 1 || priority > 5) {
            return error(400, 40007, "invalid request: priority invalid");
        }
        ObjectNode m = FakeJson.MAPPER.createObjectNode();
        m.put("id", "msg" + next.getAndIncrement());
        m.put("time", 1_790_000_000L);
        m.put("event", "message");
        m.set("topic", body.get("topic"));
        m.set("message", body.get("message"));
        return Reply.of(200, Map.of("Content-Type", "application/json"), m.toString());
    }

    private static Reply error(int http, int code, String text) {
        return Reply.of(http, Map.of("Content-Type", "application/json"),
                "{\"code\":" + code + ",\"http\":" + http + ",\"error\":\"" + text + "\"}");
    }

    /** A self-hosted-style URL with a token, {@code base-url} set to this receiver. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, "ntfy://" + TOKEN + "@ntfy.example.com/" + TOPIC, null, baseUrl(), Map.of());
    }
}
