package dev.alimi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.alimi.detect.Detection;
import dev.alimi.detect.DetectorRegistry;
import dev.alimi.fetch.FetchResult;
import dev.alimi.fetch.PageDecoding;
import dev.alimi.fetch.SiteFetcher;
import dev.alimi.model.Availability;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.InStockCondition;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.RequestSpec;
import dev.alimi.model.Site;
import dev.alimi.model.ValueSelector;
import dev.alimi.model.Watch;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code alimi check}: one check now, on a live URL or a saved page, with the decision's evidence. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check one page now and explain the decision. Exit 0 whatever the availability;",
                "non-zero only when the check could not run (bad arguments, unreadable file).", "",
                "Examples:",
                "  alimi check https://shop.example/p/9 --css button.buy --in-stock-text 'Add to cart' --out-of-stock-text 'Sold out'",
                "  alimi check https://shop.example/api/p/77 --json-path '$.data.stockQuantity' --price '$.data.price' --json",
                "  alimi check --file saved.html --url https://shop.example/p/9 --css '#availability' --in-stock-text 'In Stock'",
                "  alimi check https://shop.example/products/mask.js --detect shopify --variant 39402345 --preorder"})
final class CheckCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "the page or API to check")
    URI url;

    @Option(names = "--file", paramLabel = "FILE", description = "check a saved page instead of fetching (needs --url)")
    Path file;

    @Option(names = "--url", paramLabel = "URL", description = "the address the saved page came from")
    URI fileUrl;

    @Option(names = "--detect", paramLabel = "NAME", description = "a named detector (recipe)")
    String recipe;

    @Option(names = "--css", paramLabel = "SELECTOR", description = "elements whose text holds the stock signal")
    String css;

    @Option(names = "--in-stock-text", paramLabel = "TEXT", description = "text meaning in stock (repeatable)")
    List<String> inStockText = List.of();

    @Option(names = "--out-of-stock-text", paramLabel = "TEXT", description = "text meaning sold out (repeatable)")
    List<String> outOfStockText = List.of();

    @Option(names = "--json-path", paramLabel = "PATH", description = "path to the quantity (a number > 0 is in stock)")
    String jsonPath;

    @Option(names = "--in-stock-path", paramLabel = "PATH", description = "JSONPath of a status value, with --equals/--in/--not-equals")
    String inStockPath;

    @Option(names = "--equals", paramLabel = "VALUE", description = "in stock when the status equals this")
    String equalsValue;

    @Option(names = "--in", paramLabel = "VALUE", split = ",", description = "in stock when the status is one of these")
    List<String> inValues;

    @Option(names = "--not-equals", paramLabel = "VALUE", description = "in stock when the status is not this")
    String notEqualsValue;

    @Option(names = "--regex", paramLabel = "REGEX", description = "a match means in stock; a numeric group 1 is the quantity")
    String regex;

    @Option(names = "--out-of-stock-regex", paramLabel = "REGEX", description = "a match means sold out")
    String outOfStockRegex;

    @Option(names = "--price", paramLabel = "WHERE", description = "the price: a JSONPath ($…) or a CSS selector")
    String price;

    @Option(names = "--units", paramLabel = "N", description = "units per purchase, for the unit price")
    Integer units;

    @Option(names = "--preorder", description = "count pre-order, pre-sale and back-order offers as in stock (like `preorder: true`)")
    boolean preorder;

    @Option(names = "--variant", paramLabel = "ID", description = "the variant whose stock decides (like `variant: ID`; shopify)")
    String variant;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GET", description = "HTTP method (default: GET)")
    String method;

    @Option(names = "--body", paramLabel = "BODY", description = "request body (JSON when it starts with { or [)")
    String body;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "extra request header (repeatable)")
    List<String> headers = List.of();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2s", description = "request timeout (default: 2s)")
    String timeout;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    CheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        URI target = file != null ? fileUrl : url;
        if (file != null && fileUrl == null) throw new ParameterException(spec.commandLine(), "--file needs --url (where the page came from)");
        if (file == null && url == null) throw new ParameterException(spec.commandLine(), "give a URL, or --file with --url");
        if (target.getScheme() == null || target.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "not an absolute http(s) URL: " + target);
        }
        DetectorRegistry registry = DetectorRegistry.standard();
        DetectSpec detect = detectSpec(registry);
        if (variant != null) {
            if (variant.isBlank()) throw new ParameterException(spec.commandLine(), "--variant needs a variant id");
            registry.variantProblem(detect, target).ifPresent(problem -> {
                throw new ParameterException(spec.commandLine(), "--variant: " + problem);
            });
        }
        Watch watch = new Watch(target.getHost() + target.getPath(), target.getHost(), target, null, request(), detect,
                Watch.DEFAULT_INTERVAL, null, null, null, units, List.of()).withPreorder(preorder).withVariant(variant);
        print(observe(watch, new Detection(registry)));
        return 0;
    }

    private Observation observe(Watch watch, Detection detection) throws IOException {
        if (file != null) {
            if (!Files.isReadable(file)) throw new IOException("cannot read " + file);
            byte[] raw = Files.readAllBytes(file);
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            String type = name.endsWith(".json") ? "application/json" : "text/html";
            return detection.decide(watch, new Page(fileUrl, 200, type, PageDecoding.decode(raw, type), context.clock().instant()));
        }
        Site site = Site.implicitFor(watch.site()).withTimeout(parseTimeout());
        try (SiteFetcher fetcher = new SiteFetcher(site, context.clock())) {
            return switch (fetcher.fetch(watch)) {
                case FetchResult.Fetched f -> detection.decide(watch, f.page());
                case FetchResult.Failed failed ->
                        Observation.of(watch.name(), Availability.ERROR, failed.reason(), "fetch", failed.at());
            };
        }
    }

    private Duration parseTimeout() {
        try {
            return dev.alimi.config.Durations.parse(timeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--timeout: " + e.getMessage());
        }
    }

    private RequestSpec request() {
        Map<String, String> extra = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) throw new ParameterException(spec.commandLine(), "--header needs 'Name: value'");
            extra.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        String type = body == null ? null : body.stripLeading().startsWith("{") || body.stripLeading().startsWith("[")
                ? "application/json" : "application/x-www-form-urlencoded";
        return new RequestSpec(method.toUpperCase(java.util.Locale.ROOT), body, type, extra);
    }

    private DetectSpec detectSpec(DetectorRegistry registry) {
        if (recipe != null) {
            if (!registry.recipeNames().contains(recipe)) {
                throw new ParameterException(spec.commandLine(), "no detector named '" + recipe + "'"
                        + (registry.recipeNames().isEmpty() ? "" : " (known: " + String.join(", ", registry.recipeNames()) + ")")
                        + "; describe the signal instead with --css/--json-path/--regex");
            }
            return new DetectSpec.Recipe(recipe);
        }
        InStockCondition condition = null;
        if (inStockPath != null) {
            int given = (equalsValue != null ? 1 : 0) + (inValues != null ? 1 : 0) + (notEqualsValue != null ? 1 : 0);
            if (given != 1) throw new ParameterException(spec.commandLine(), "--in-stock-path needs exactly one of --equals, --in, --not-equals");
            condition = new InStockCondition(ValueSelector.jsonPath(inStockPath), equalsValue, inValues, notEqualsValue);
        }
        boolean texts = !inStockText.isEmpty() || !outOfStockText.isEmpty();
        if (texts && css == null) {
            throw new ParameterException(spec.commandLine(), "--in-stock-text/--out-of-stock-text need --css (where to read the text)");
        }
        if (css != null && !texts) {
            // a bare selector would read a disabled "Sold out" button as in stock
            throw new ParameterException(spec.commandLine(), "--css needs --in-stock-text and/or --out-of-stock-text to compare the selected text with");
        }
        if (css == null && jsonPath == null && condition == null && regex == null && outOfStockRegex == null) {
            throw new ParameterException(spec.commandLine(), "say how to decide: --css (with --in-stock-text/--out-of-stock-text), "
                    + "--json-path, --in-stock-path with --equals, or --regex (automatic detection comes in a later release)");
        }
        ValueSelector priceAt = price == null ? null : price.startsWith("$") ? ValueSelector.jsonPath(price) : ValueSelector.css(price);
        return new DetectSpec.Rule(css, inStockText, outOfStockText, jsonPath, condition, regex, outOfStockRegex, priceAt);
    }

    private void print(Observation o) throws IOException {
        BigDecimal unitPrice = o.price() != null && units != null && units > 0
                ? o.price().divide(BigDecimal.valueOf(units), 2, RoundingMode.HALF_UP).stripTrailingZeros() : null;
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("availability", o.availability().name());
            out.put("quantity", o.quantity());
            out.put("price", o.price());
            out.put("currency", o.currency());
            out.put("unitPrice", unitPrice);
            out.put("evidence", o.evidence());
            out.put("detector", o.detector());
            context.out().println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            return;
        }
        StringBuilder line = new StringBuilder(o.availability().name());
        if (o.quantity() != null) line.append("  quantity ").append(o.quantity());
        if (o.price() != null) line.append("  price ").append(o.price().toPlainString()).append(o.currency() == null ? "" : " " + o.currency());
        if (unitPrice != null) line.append("  unit price ").append(unitPrice.toPlainString());
        context.out().println(line);
        context.out().println("  evidence: " + o.evidence());
        context.out().println("  detector: " + o.detector());
        if (o.availability() != Availability.IN_STOCK && o.availability() != Availability.OUT_OF_STOCK) {
            context.out().println("  (" + o.availability() + " never alerts: Alimi only alerts on a positive in-stock signal)");
        }
    }
}
