package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord webhooks. Accepts {@code discord://id/token} and {@code discord://botname@id/token} (Apprise),
 * {@code discord://token@id} (Shoutrrr), {@code https://discord.com/api/webhooks/id/token} (also
 * {@code discordapp.com}, {@code ptb.}, {@code canary.}), and in the long form ({@code type: discord}) the
 * same path on any host. A {@code thread_id} (or Apprise {@code thread}) parameter is kept; a {@code role} option
 * (a role id) pings that one role, and nothing else can ping.
 */
final class DiscordChannelType implements ChannelType {

    static final Set<String> HOSTS =
            Set.of("discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com", "ptb.discordapp.com",
                    "canary.discordapp.com");
    private static final Pattern ID = Pattern.compile("[0-9]{1,25}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");
    private static final String FORMS =
            "discord://1234567890/TOKEN or https://discord.com/api/webhooks/1234567890/TOKEN";

    /** Where to post, the webhook id (shown), the token (never shown), the sender name override. */
    private record Target(URI endpoint, String id, String token, String username, String role) {}

    @Override
    public String type() {
        return "discord";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("discord")) {
            return true;
        }
        return scheme.equals("https") && url.getHost() != null
                && HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT))
                && url.getRawPath() != null && url.getRawPath().contains("/webhooks/");
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
        return new DiscordChannel(spec.name(), t.endpoint(), t.username(), t.role(), List.of(t.token()),
                MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    public String redact(ChannelSpec spec) {
        try {
            ChannelUrl url = ChannelUrl.parse(spec.url());
            Target t = target(spec);
            if (!url.isHttp()) {
                return "discord://" + t.id() + "/***";
            }
            List<String> seg = url.segments();
            return url.origin() + "/" + String.join("/", seg.subList(0, seg.size() - 1)) + "/***";
        } catch (IllegalArgumentException e) {
            return "discord://***";
        }
    }

    private Target target(ChannelSpec spec) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        String id;
        String token;
        String username = url.query().get("username");
        String base;
        if (url.scheme().equals("discord")) {
            if (url.segments().size() == 1) {
                id = url.host();
                token = url.segments().get(0);
                if (url.userInfo() != null && !url.userInfo().isBlank()) {
                    username = url.userInfo();
                }
            } else if (url.segments().isEmpty() && url.userInfo() != null) {
                id = url.host();
                token = url.userInfo();
            } else {
                throw new IllegalArgumentException("discord URL needs a webhook id and token: " + FORMS);
            }
            base = "https://discord.com/api/webhooks/" + id + "/" + token;
        } else if (url.isHttp()) {
            boolean longForm = "discord".equalsIgnoreCase(spec.type());
            if (!longForm && !HOSTS.contains(url.hostName())) {
                throw new IllegalArgumentException(
                        "a Discord webhook URL is on discord.com; for another host give the long form with type: discord");
            }
            List<String> seg = url.segments();
            int i = seg.lastIndexOf("webhooks");
            if (i < 0 || seg.size() != i + 3) {
                throw new IllegalArgumentException("Discord webhook URL must end in /webhooks/ID/TOKEN; expected " + FORMS);
            }
            id = seg.get(i + 1);
            token = seg.get(i + 2);
            base = url.scheme() + "://" + url.uri().getRawAuthority() + url.uri().getRawPath();
        } else {
            throw new IllegalArgumentException("a discord channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Discord webhook id must be digits; expected " + FORMS);
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(
                    "Discord webhook token may hold only letters, digits, '-', '_' and '.'; expected " + FORMS);
        }
        String thread = url.query().getOrDefault("thread_id", url.query().get("thread"));
        String query = (thread == null || thread.isBlank() ? "" : "thread_id="
                + URLEncoder.encode(thread, StandardCharsets.UTF_8) + "&") + "wait=true";
        URI endpoint = ChannelUrl.rebase(URI.create(base + "?" + query), spec.baseUrl());
        String role = spec.options().getOrDefault("role", url.query().get("role"));
        if (role != null && !ID.matcher(role.strip()).matches()) {
            throw new IllegalArgumentException("Discord role to mention must be the role's id (digits)");
        }
        return new Target(endpoint, id, token, username, role == null ? null : role.strip());
    }
}
