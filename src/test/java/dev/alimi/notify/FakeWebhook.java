package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.util.Map;

/**
 * A fake user endpoint for generic webhooks on loopback: {@code 204} for a JSON POST to {@link #PATH}, 404
 * elsewhere, 415 for a body that is not JSON.
 */
public final class FakeWebhook extends FakeReceiver {

    public static final String PATH = "/hooks/alimi-secretpath";
    /** A Standard Webhooks secret: whsec_ and base64 of 32 bytes. */
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw6tbpBm6wP5c=";

    @Override
    protected Reply defaultReply(Request request) {
        if (!request.method().equals("POST") || !request.path().equals(PATH)) {
            return Reply.of(404, Map.of(), "not found");
        }
        if (!FakeJson.isJson(request)) {
            return Reply.of(415, Map.of(), "expected JSON");
        }
        return Reply.of(204, Map.of(), "");
    }

    /** The long form: {@code type: webhook}, the receiver's URL and a signing secret. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, baseUrl() + PATH, "webhook", null, Map.of("secret", SECRET));
    }
}
