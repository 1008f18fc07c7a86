package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.Map;

/**
 * A fake Slack incoming-webhook receiver on loopback: answers {@code 200 ok} (text/plain) unless scripted.
 * {@link #spec} gives a channel spec that posts to it ({@code slack://T000/B000/…} with this base URL).
 */
public final class FakeSlack extends FakeReceiver {

    public static final String TEAM = "T000";
    public static final String BOT = "B000";
    public static final String TOKEN = "XXXXsecretXXXX";
    /** The webhook path the {@link #spec} channel posts to. */
    public static final String PATH = "/services/" + TEAM + "/" + BOT + "/" + TOKEN;

    @Override
    protected Reply defaultReply(Request request) {
        return Reply.of(200, Map.of("Content-Type", "text/plain; charset=utf-8"), "ok");
    }

    /** A short-form channel with {@code base-url} set to this receiver. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, "slack://" + TEAM + "/" + BOT + "/" + TOKEN, null, baseUrl(), Map.of());
    }

    /** The raw webhook URL on this receiver, for the long form with {@code type: slack}. */
    public URI webhookUrl() {
        return URI.create(baseUrl() + PATH);
    }
}
