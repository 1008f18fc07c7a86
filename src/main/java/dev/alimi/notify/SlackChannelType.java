package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Slack incoming webhooks. Accepts {@code slack://T/B/C} (Apprise, optionally {@code botname@}),
 * {@code slack://hook:T-B-C@webhook} (Shoutrrr), {@code https://hooks.slack.com/services/T/B/C}, and in the
 * long form ({@code type: slack}) the same path on any host.
 */
final class SlackChannelType implements ChannelType {

    static final String HOST = "hooks.slack.com";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,100}");
    private static final String FORMS =
            "slack://T000/B000/XXXX or https://hooks.slack.com/services/T000/B000/XXXX";

    /**
     * Where to post, the team id (shown), and the tokens (never shown); for a bot token, the token and the
     * channel to post in (else both null).
     */
    private record Target(URI endpoint, String team, List<String> secrets, String botToken, String botChannel) {}

    static final URI POST_MESSAGE = URI.create("https://slack.com/api/chat.postMessage");
    private static final Pattern BOT_TOKEN = Pattern.compile("xox[bp]-[A-Za-z0-9-]{8,250}");
    private static final Pattern BOT_CHANNEL = Pattern.compile("[#@]?[A-Za-z0-9._-]{1,80}");
    private static final String BOT_FORMS = "slack://xoxb-TOKEN/#channel (Apprise) or slack://xoxb:TOKEN@CHANNEL_ID "
            + "(Shoutrrr)";

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("slack")) {
            return true;
        }
        return scheme.equals("https") && HOST.equalsIgnoreCase(url.getHost())
                && url.getRawPath() != null && url.getRawPath().startsWith("/services/");
    }

    @Override
    public Optional<String> problem(ChannelSpec spec) {
        try {
            target(spec);
            MessageTemplate.of(spec);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Channel create(ChannelSpec spec, ChannelContext context) {
        Target t = target(spec);
        return new SlackChannel(spec.name(), t.endpoint(), t.secrets(), MessageTemplate.of(spec).orElse(null), context,
                t.botToken(), t.botChannel());
    }

    @Override
    public String redact(ChannelSpec spec) {
        try {
            ChannelUrl url = ChannelUrl.parse(spec.url());
            Target t = target(spec);
            if (t.botToken() != null) {
                return "slack://" + t.botToken().substring(0, 5) + "***/" + t.botChannel();
            }
            return url.isHttp() ? url.origin() + "/services/" + t.team() + "/***" : "slack://" + t.team() + "/***";
        } catch (IllegalArgumentException e) {
            return "slack://***";
        }
    }

    private Target target(ChannelSpec spec) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        if (url.scheme().equals("slack") && (url.host().startsWith("xox")
                || (url.userInfo() != null && url.userInfo().startsWith("xox")))) {
            return botTarget(spec, url);
        }
        List<String> tokens;
        URI endpoint;
        if (url.scheme().equals("slack")) {
            tokens = shortFormTokens(url);
            endpoint = URI.create("https://" + HOST + "/services/" + String.join("/", tokens));
        } else if (url.isHttp()) {
            boolean longForm = "slack".equalsIgnoreCase(spec.type());
            if (!longForm && !HOST.equals(url.hostName())) {
                throw new IllegalArgumentException("a Slack webhook URL is on " + HOST + "; for another host give "
                        + "the long form with type: slack");
            }
            List<String> seg = url.segments();
            int i = seg.lastIndexOf("services");
            if (i < 0 || seg.size() != i + 4) {
                throw new IllegalArgumentException("Slack webhook URL must end in /services/T…/B…/…; expected " + FORMS);
            }
            tokens = seg.subList(i + 1, i + 4);
            endpoint = url.uri();
        } else {
            throw new IllegalArgumentException("a slack channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        }
        for (String token : tokens) {
            if (!TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException("Slack webhook tokens are letters and digits; expected " + FORMS);
            }
        }
        return new Target(ChannelUrl.rebase(endpoint, spec.baseUrl()), tokens.get(0),
                List.of(tokens.get(1), tokens.get(2)), null, null);
    }

    /** A bot token: {@code chat.postMessage}, which returns the message's {@code ts} for later edits. */
    private static Target botTarget(ChannelSpec spec, ChannelUrl url) {
        String token;
        String channel;
        if (url.userInfo() != null && url.userInfo().startsWith("xox")) {
            int colon = url.userInfo().indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Slack bot URL must be " + BOT_FORMS);
            }
            token = url.userInfo().substring(0, colon) + "-" + url.userInfo().substring(colon + 1);
            channel = url.host();
        } else {
            token = url.host();
            String fragment = url.uri().getFragment();
            channel = !url.segments().isEmpty() ? url.segments().get(0) : fragment == null ? null : "#" + fragment;
        }
        if (!BOT_TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("Slack bot token must look like xoxb-…; expected " + BOT_FORMS);
        }
        if (channel != null && channel.startsWith("+")) {
            channel = channel.substring(1);
        }
        if (channel == null || !BOT_CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Slack bot URL names no channel (#name or an id like C0123); expected "
                    + BOT_FORMS);
        }
        // the Shoutrrr form writes the token as xoxb:…, so its part after the prefix is masked on its own too
        return new Target(ChannelUrl.rebase(POST_MESSAGE, spec.baseUrl()), null, List.of(token, token.substring(5)),
                token, channel);
    }

    private static List<String> shortFormTokens(ChannelUrl url) {
        if (url.userInfo() != null && url.userInfo().startsWith("hook:") && url.segments().isEmpty()) {
            String[] parts = url.userInfo().substring("hook:".length()).split("-", -1);
            if (parts.length == 3) {
                return List.of(parts);
            }
            throw new IllegalArgumentException("Shoutrrr Slack URL must be slack://hook:T-B-C@webhook; or use " + FORMS);
        }
        if (url.segments().size() != 2 || url.host().isEmpty()) {
            throw new IllegalArgumentException("slack URL needs three webhook tokens: " + FORMS);
        }
        return List.of(url.host(), url.segments().get(0), url.segments().get(1));
    }
}
