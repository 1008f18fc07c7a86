package dev.alimi.config;

import dev.alimi.model.ChannelSpec;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the loader asks the rest of the application while validating.
 *
 * @param recipes        names accepted for {@code detect: NAME} (the detect registry's names)
 * @param channelProblem a message when a channel's URL or type is not understood, else empty
 */
public record ConfigChecks(Set<String> recipes, Function<ChannelSpec, Optional<String>> channelProblem) {

    public ConfigChecks {
        recipes = Set.copyOf(recipes);
        java.util.Objects.requireNonNull(channelProblem, "channelProblem");
    }

    /** No recipes, and every channel accepted: for tests and tools that do not send. */
    public static ConfigChecks lenient() {
        return new ConfigChecks(Set.of(), spec -> Optional.empty());
    }
}
