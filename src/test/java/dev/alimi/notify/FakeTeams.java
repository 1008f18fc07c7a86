package dev.alimi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alimi.model.ChannelSpec;
import java.util.Map;

/**
 * A fake Teams Workflows trigger on loopback: {@code POST /workflows/ID/triggers/manual/paths/invoke?…&sig=SIG}
 * with an Adaptive Card message answers {@code 202} and no body; a wrong signature 401, a body that is not an
 * Adaptive Card message 400.
 */
public final class FakeTeams extends FakeReceiver {

    public static final String WORKFLOW = "a1b2c3d4e5f6workflow";
    public static final String SIG = "SiGnAtUrE_secret-value";

    @Override
    protected Reply defaultReply(Request request) {
        if (!request.path().equals("/workflows/" + WORKFLOW + "/triggers/manual/paths/invoke")
                || !request.query().contains("sig=" + SIG)) {
            return Reply.of(401, Map.of("Content-Type", "application/json"),
                    "{\"error\":{\"code\":\"DirectApiAuthorizationRequired\",\"message\":\"bad signature\"}}");
        }
        JsonNode body = FakeJson.read(request.body());
        JsonNode card = body == null ? null : body.path("attachments").path(0);
        if (body == null || !body.path("type").asText().equals("message")
                || !card.path("contentType").asText().equals("application/vnd.microsoft.card.adaptive")
                || !card.path("content").path("type").asText().equals("AdaptiveCard")) {
            return Reply.of(400, Map.of("Content-Type", "application/json"),
                    "{\"error\":{\"code\":\"InvalidRequestContent\",\"message\":\"not an adaptive card\"}}");
        }
        return Reply.of(202, Map.of(), "");
    }

    /** The Apprise form, with {@code base-url} set to this receiver. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, "workflows://prod-00.westus.logic.azure.com/" + WORKFLOW + "/" + SIG, null,
                baseUrl(), Map.of());
    }
}
