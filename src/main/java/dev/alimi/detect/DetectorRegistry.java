package dev.alimi.detect;

import dev.alimi.model.DetectSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Detectors by recipe name, an explicit map; rules written in the config become {@link RuleDetector}s. */
public final class DetectorRegistry {

    private final Map<String, Supplier<? extends Detector>> recipes;

    /** A registry of the given named recipes. */
    public DetectorRegistry(Map<String, Supplier<? extends Detector>> recipes) {
        this.recipes = Map.copyOf(Objects.requireNonNull(recipes, "recipes"));
    }

    /** The recipes Alimi ships with (none yet: {@code auto} and shop recipes come later). */
    public static DetectorRegistry standard() {
        return new DetectorRegistry(Map.of());
    }

    /** Names usable as {@code detect: NAME}, sorted. */
    public Set<String> recipeNames() {
        return new TreeSet<>(recipes.keySet());
    }

    /**
     * The detector for a watch's spec.
     *
     * @throws IllegalArgumentException for an unknown recipe or an invalid rule, with the reason
     */
    public Detector forSpec(DetectSpec spec) {
        Objects.requireNonNull(spec, "detect spec");
        return switch (spec) {
            case DetectSpec.Rule rule -> new RuleDetector(rule);
            case DetectSpec.Recipe recipe -> {
                Supplier<? extends Detector> factory = recipes.get(recipe.name());
                if (factory == null) {
                    throw new IllegalArgumentException("unknown detector recipe " + Evidence.quote(recipe.name())
                            + "; known: " + (recipes.isEmpty() ? "none" : String.join(", ", recipeNames())));
                }
                yield factory.get();
            }
        };
    }
}
