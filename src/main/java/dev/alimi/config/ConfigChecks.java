package dev.alimi.config;

import dev.alimi.model.ChannelSpec;
import dev.alimi.model.DetectSpec;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the loader asks the rest of the application while validating.
 *
 * @param recipes        names accepted for {@code detect: NAME} (the detect registry's names)
 * @param channelProblem a message when a channel's URL or type is not understood, else empty
 * @param variantProblem a message when a watch with this detect spec and URL cannot use {@code variant:}, else empty
 */
public record ConfigChecks(Set<String> recipes, Function<ChannelSpec, Optional<String>> channelProblem,
        BiFunction<DetectSpec, URI, Optional<String>> variantProblem) {

    public ConfigChecks {
        recipes = Set.copyOf(recipes);
        java.util.Objects.requireNonNull(channelProblem, "channelProblem");
        java.util.Objects.requireNonNull(variantProblem, "variantProblem");
    }

    /** Checks that accept {@code variant:} with any detect spec. */
    public ConfigChecks(Set<String> recipes, Function<ChannelSpec, Optional<String>> channelProblem) {
        this(recipes, channelProblem, (spec, url) -> Optional.empty());
    }

    /** No recipes, and every channel accepted: for tests and tools that do not send. */
    public static ConfigChecks lenient() {
        return new ConfigChecks(Set.of(), spec -> Optional.empty());
    }
}
