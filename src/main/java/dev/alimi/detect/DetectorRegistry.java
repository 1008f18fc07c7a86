package dev.alimi.detect;

import dev.alimi.model.DetectSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * The recipes Alimi ships with: {@code auto}, the shop recipes ({@code naver-smartstore},
     * {@code coupang}, {@code shopify}, {@code woocommerce}, {@code graphql}) and {@code json-ld}.
     */
    public static DetectorRegistry standard() {
        Map<String, Supplier<? extends Detector>> recipes = new java.util.LinkedHashMap<>();
        recipes.put(AutoDetector.NAME, DetectorRegistry::auto);
        recipes.put(NaverSmartStoreRecipe.NAME, NaverSmartStoreRecipe::new);
        recipes.put(CoupangRecipe.NAME, CoupangRecipe::new);
        recipes.put(ShopifyRecipe.NAME, ShopifyRecipe::new);
        recipes.put(WooCommerceRecipe.NAME, WooCommerceRecipe::new);
        recipes.put(JsonLdRecipe.NAME, JsonLdRecipe::new);
        recipes.put(GraphQlRecipe.NAME, GraphQlRecipe::new);
        return new DetectorRegistry(recipes);
    }

    /** {@code auto}: host recipes for their shops, JSON recipes by shape, then the generic reading. */
    static Detector auto() {
        return new AutoDetector(
                List.of(new NaverSmartStoreRecipe(), new CoupangRecipe(), new WooCommerceRecipe()),
                List.of(new NaverSmartStoreRecipe(), new ShopifyRecipe(), new WooCommerceRecipe(), new GraphQlRecipe()));
    }

    /** Names usable as {@code detect: NAME}, sorted. */
    public Set<String> recipeNames() {
        return new TreeSet<>(recipes.keySet());
    }

    /**
     * Why a watch with this spec at {@code url} cannot use {@code variant:}, or empty when it can: for
     * the config check. Rules select their variant themselves (point the selector at it).
     */
    public Optional<String> variantProblem(DetectSpec spec, URI url) {
        return switch (spec) {
            case DetectSpec.Rule rule -> Optional.of("a rule reads what its selectors point at and cannot choose a"
                    + " variant; point css/json-path at the variant, or use detect: shopify");
            case DetectSpec.Recipe recipe -> {
                Supplier<? extends Detector> factory = recipes.get(recipe.name());
                yield factory != null && factory.get() instanceof Recipe r ? r.variantProblem(url) : Optional.empty();
            }
        };
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
