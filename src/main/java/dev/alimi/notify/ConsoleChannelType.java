package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.Optional;

/** {@code console://}: alerts printed to the console, for trying Alimi out and for the demo. */
final class ConsoleChannelType implements ChannelType {

    @Override
    public String type() {
        return "console";
    }

    @Override
    public boolean accepts(URI url) {
        return "console".equalsIgnoreCase(url.getScheme());
    }

    @Override
    public Optional<String> problem(ChannelSpec spec) {
        try {
            ChannelUrl url = ChannelUrl.parse(spec.url());
            if (!url.scheme().equals("console")) {
                return Optional.of("a console channel takes the URL console://, not " + url.scheme() + "://");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Channel create(ChannelSpec spec, ChannelContext context) {
        problem(spec).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new ConsoleChannel(spec.name(), context.console());
    }

    @Override
    public String redact(ChannelSpec spec) {
        return "console://";
    }
}
