package dev.alimi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.ChannelSpec;
import java.util.Map;
import java.util.UUID;

/**
 * A fake Pushover API on loopback: {@code POST /1/messages.json}; {@code {"status":1,"request":uuid}} with
 * {@code X-Limit-App-*} headers, or 400 {@code {"status":0,"errors":[…]}} for a wrong token or user or a
 * missing message. Its quota 429 carries only {@code X-Limit-App-Reset} (see {@link #quotaExceeded}).
 */
public final class FakePushover extends FakeReceiver {

    public static final String USER = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";
    public static final String TOKEN = "azGDORePK8gMaC0QOYAMyEEuzJnyUi";

    @Override
    protected Reply defaultReply(Request request) {
        JsonNode body = FakeJson.read(request.body());
        if (!request.path().equals("/1/messages.json")) {
            return Reply.of(404, Map.of(), "not found");
        }
        if (body == null || !TOKEN.equals(body.path("token").asText())) {
            return invalid("token", "application token is invalid");
        }
        if (!USER.equals(body.path("user").asText())) {
            return invalid("user", "user identifier is not a valid user, group, or subscribed user key");
        }
        if (body.path("message").asText("").isBlank() || body.path("message").asText().length() > 1024) {
            return invalid("message", "message cannot be blank or longer than 1024 characters");
        }
        return Reply.of(200, Map.of("Content-Type", "application/json", "X-Limit-App-Limit", "10000",
                        "X-Limit-App-Remaining", "9999", "X-Limit-App-Reset", "1793520000"),
                "{\"status\":1,\"request\":\"" + UUID.randomUUID() + "\"}");
    }

    private static Reply invalid(String field, String error) {
        return Reply.of(400, Map.of("Content-Type", "application/json"), "{\"" + field + "\":\"invalid\",\"errors\":[\""
                + error + "\"],\"status\":0,\"request\":\"" + UUID.randomUUID() + "\"}");
    }

    /** Pushover's quota 429: the limit comes back at the unix time {@code resetEpochSecond}. */
    public static Reply quotaExceeded(long resetEpochSecond) {
        return Reply.of(429, Map.of("Content-Type", "application/json", "X-Limit-App-Limit", "10000",
                        "X-Limit-App-Remaining", "-1", "X-Limit-App-Reset", Long.toString(resetEpochSecond)),
                "{\"token\":\"invalid\",\"errors\":[\"application has exceeded current limit of 10000 messages\"],"
                        + "\"status\":0,\"request\":\"" + UUID.randomUUID() + "\"}");
    }

    /** The Apprise form with {@code base-url} set to this receiver. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, "pover://" + USER + "@" + TOKEN, null, baseUrl(), Map.of());
    }
}
