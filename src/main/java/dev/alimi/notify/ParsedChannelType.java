package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.util.Optional;

/**
 * A channel type that reads a spec into a target once: {@link #problem}, {@link #create} and
 * {@link #redact} all go through {@link #target}, so the three can never disagree about a URL.
 *
 * @param <T> what the URL says: endpoint, ids shown, secrets never shown
 */
abstract class ParsedChannelType<T> implements ChannelType {

    /** Reads the spec; throws {@link IllegalArgumentException} with a secret-free message naming the forms. */
    abstract T target(ChannelSpec spec);

    abstract Channel create(ChannelSpec spec, T target, ChannelContext context);

    /** The URL safe to show, from a target that was read without error. */
    abstract String redact(ChannelSpec spec, T target);

    @Override
    public final Optional<String> problem(ChannelSpec spec) {
        try {
            target(spec);
            MessageTemplate.of(spec);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public final Channel create(ChannelSpec spec, ChannelContext context) {
        return create(spec, target(spec), context);
    }

    @Override
    public final String redact(ChannelSpec spec) {
        try {
            return redact(spec, target(spec));
        } catch (IllegalArgumentException e) {
            return ChannelUrl.schemeOf(spec.url()).orElse(type()) + "://***";
        }
    }

    /** True when the spec is the long form naming this type. */
    final boolean longForm(ChannelSpec spec) {
        return type().equalsIgnoreCase(spec.type());
    }

    /** An option from the long form's keys, else from the URL's query, else null. */
    static String option(ChannelSpec spec, ChannelUrl url, String... names) {
        for (String name : names) {
            String v = spec.options().get(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        for (String name : names) {
            String v = url.query().get(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** Apprise and Shoutrrr yes/no flags: yes, true, 1, on. */
    static boolean yes(String value) {
        return value != null && switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "true", "1", "on", "y" -> true;
            default -> false;
        };
    }
}
