package dev.alimi.model;

import java.net.URI;
import java.util.Map;

/**
 * A notification target as configured.
 *
 * @param name    the channel's name in the config
 * @param url     the URL (short form, Apprise/Shoutrrr style, or the service's own URL); a secret
 * @param type    the service type of the long form ({@code slack}, {@code discord}, …), or null
 * @param baseUrl host to use instead of the service's own, or null
 * @param options other long-form keys ({@code template}, {@code priority}, …)
 */
public record ChannelSpec(String name, String url, String type, URI baseUrl, Map<String, String> options) {

    public ChannelSpec {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** Never shows the URL or options: both may hold tokens. */
    @Override
    public String toString() {
        return "ChannelSpec[name=" + name + (type == null ? "" : ", type=" + type) + ", url=***]";
    }

    public static ChannelSpec of(String name, String url) {
        return new ChannelSpec(name, url, null, null, Map.of());
    }
}
