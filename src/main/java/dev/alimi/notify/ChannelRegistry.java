package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The channel types Alimi knows, by type name; picks the type of a channel spec by its URL or its {@code type}. */
public final class ChannelRegistry {

    private final Map<String, ChannelType> types;

    /** A registry of exactly these types; their names must differ. */
    public ChannelRegistry(Collection<? extends ChannelType> types) {
        Map<String, ChannelType> byName = new LinkedHashMap<>();
        for (ChannelType t : types) {
            if (byName.putIfAbsent(t.type().toLowerCase(Locale.ROOT), t) != null) {
                throw new IllegalArgumentException("two channel types named '" + t.type() + "'");
            }
        }
        this.types = Map.copyOf(byName);
    }

    /** Every channel type Alimi ships: console, Slack, Discord, Telegram, ntfy, webhook, Pushover, Gotify, Teams, email, MQTT. */
    public static ChannelRegistry standard() {
        return new ChannelRegistry(java.util.List.of(new ConsoleChannelType(), new SlackChannelType(),
                new DiscordChannelType(), new TelegramChannelType(), new NtfyChannelType(), new WebhookChannelType(),
                new PushoverChannelType(), new GotifyChannelType(), new TeamsChannelType(), new EmailChannelType(),
                new MqttChannelType()));
    }

    /** The known type names. */
    public Set<String> types() {
        return new TreeSet<>(types.keySet());
    }

    /** Why the spec cannot be used (unknown type or scheme, malformed URL), else empty; never shows secrets. */
    public Optional<String> problem(ChannelSpec spec) {
        try {
            return typeOf(spec).problem(spec);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Makes the channel; throws {@link IllegalArgumentException} with the {@link #problem} if there is one. */
    public Channel create(ChannelSpec spec, ChannelContext context) {
        ChannelType type = typeOf(spec);
        type.problem(spec).ifPresent(p -> {
            throw new IllegalArgumentException("channel '" + spec.name() + "': " + p);
        });
        return type.create(spec, context);
    }

    /** The spec's URL with its tokens masked, safe for logs and the dashboard. */
    public String redact(ChannelSpec spec) {
        try {
            return typeOf(spec).redact(spec);
        } catch (IllegalArgumentException e) {
            return ChannelUrl.schemeOf(spec.url()).map(s -> s + "://***").orElse("***");
        }
    }

    private ChannelType typeOf(ChannelSpec spec) {
        String known = String.join(", ", types());
        if (spec.type() != null && !spec.type().isBlank()) {
            ChannelType t = types.get(spec.type().strip().toLowerCase(Locale.ROOT));
            if (t == null) {
                throw new IllegalArgumentException("unknown channel type '" + spec.type().strip() + "'; known: " + known);
            }
            return t;
        }
        URI uri = ChannelUrl.parse(spec.url()).uri();
        for (ChannelType t : types.values()) {
            if (t.accepts(uri)) {
                return t;
            }
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            throw new IllegalArgumentException("no channel type recognises " + scheme + " URLs on host '"
                    + uri.getHost() + "'; give the long form with type (known: " + known + ")");
        }
        throw new IllegalArgumentException("unknown channel URL scheme '" + scheme + "'; known: " + known);
    }
}
