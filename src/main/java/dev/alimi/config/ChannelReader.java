package dev.alimi.config;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code channels:}: a URL each, or the long form {@code {type, url, base-url, options…}}. */
final class ChannelReader {

    private static final String URL_EXPECTED = "expected a channel URL like slack://T000/B000/XXXX or "
            + "https://discord.com/api/webhooks/…, or a mapping with `url` (and `type`, `base-url`)";

    private final NodeReader reader;
    private final Function<ChannelSpec, Optional<String>> channelProblem;

    ChannelReader(NodeReader reader, Function<ChannelSpec, Optional<String>> channelProblem) {
        this.reader = reader;
        this.channelProblem = channelProblem;
    }

    Map<String, ChannelSpec> read(Section channels) {
        Map<String, ChannelSpec> out = new LinkedHashMap<>();
        for (Section.Entry e : channels.entries()) {
            ChannelSpec spec;
            if (e.value() instanceof ScalarNode || NodeReader.isNull(e.value())) spec = shortForm(e);
            else if (e.value() instanceof MappingNode) spec = longForm(e.key(), reader.section(e.value(), e.path(), null));
            else {
                reader.error(e.value(), e.path(), URL_EXPECTED);
                continue;
            }
            if (spec == null) continue;
            Optional<String> problem;
            try {
                problem = channelProblem.apply(spec);
            } catch (RuntimeException ex) {
                problem = Optional.of("the channel could not be checked (" + ex.getClass().getSimpleName() + ")");
            }
            if (problem.isPresent()) {
                reader.error(e.value(), e.path(), problem.get());
                continue;
            }
            out.put(e.key(), spec);
        }
        return out;
    }

    private ChannelSpec shortForm(Section.Entry e) {
        Scalar url = reader.scalar(e.value(), e.path(), URL_EXPECTED);
        if (url == null || url.value().isBlank()) {
            if (url != null || NodeReader.isNull(e.value())) {
                reader.error(e.value(), e.path(), URL_EXPECTED + (url != null && url.substituted() ? " (the variable is empty)" : ""));
            }
            return null;
        }
        return ChannelSpec.of(e.key(), url.value().strip());
    }

    private ChannelSpec longForm(String name, Section s) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Section.Entry e : s.entries()) {
            if (e.key().equals("type") || e.key().equals("url") || e.key().equals("base-url")) continue;
            String v = reader.string(e.value(), e.path());
            if (v != null) options.put(e.key(), v);
        }
        if (!s.has("url")) {
            s.missing("url", "the service's URL, like slack://T000/B000/XXXX");
            return null;
        }
        String url = s.string("url");
        if (url == null) return null;
        if (url.isBlank()) {
            reader.error(s.value("url"), s.pathOf("url"), URL_EXPECTED);
            return null;
        }
        String type = s.has("type") ? s.string("type") : null;
        URI baseUrl = s.has("base-url") ? s.httpUrl("base-url", "http://127.0.0.1:9000") : null;
        if (s.has("base-url") && baseUrl == null) return null;
        return new ChannelSpec(name, url.strip(), type == null ? null : type.strip().toLowerCase(Locale.ROOT), baseUrl, options);
    }
}
