package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.Optional;

/** One notification service: the URL forms it accepts and how to make a {@link Channel} from them. */
public interface ChannelType {

    /** The service's type name, as written in the long form's {@code type} key ({@code slack}, …). */
    String type();

    /** True for the service's short form ({@code slack://…}) and its own raw URLs on its own hosts. */
    boolean accepts(URI url);

    /** Why this spec cannot be used (malformed id or token, wrong URL form), else empty; never shows secrets. */
    Optional<String> problem(ChannelSpec spec);

    /** Makes the channel; throws {@link IllegalArgumentException} when {@link #problem} is not empty. */
    Channel create(ChannelSpec spec, ChannelContext context);

    /** The URL safe to show: scheme, host and first id kept, tokens masked. */
    String redact(ChannelSpec spec);
}
