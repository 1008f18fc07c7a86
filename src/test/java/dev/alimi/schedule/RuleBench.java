package dev.alimi.schedule;

import dev.alimi.cli.DemoShop;
import dev.alimi.detect.Detection;
import dev.alimi.detect.DetectorRegistry;
import dev.alimi.model.Catalog;
import dev.alimi.model.Delivery;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Rate;
import dev.alimi.model.Route;
import dev.alimi.model.Rules;
import dev.alimi.model.Site;
import dev.alimi.model.StockEvent;
import dev.alimi.model.ValueSelector;
import dev.alimi.model.Watch;
import dev.alimi.model.WebSettings;
import dev.alimi.notify.Backoff;
import dev.alimi.notify.ChannelContext;
import dev.alimi.notify.ChannelRegistry;
import dev.alimi.notify.Dispatcher;
import dev.alimi.notify.FakeWebhook;
import dev.alimi.notify.FakeDiscord;
import dev.alimi.notify.FakeSlack;
import dev.alimi.policy.AlertPolicy;
import dev.alimi.store.Alert;
import dev.alimi.store.Store;
import dev.alimi.store.StoredDelivery;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The check pipeline on a real store, the demo shop and a fake Slack, with a clock the test moves:
 * each {@link #check()} is one real check of the one watch.
 */
final class RuleBench implements AutoCloseable {

    static final String PRODUCT = "kf94-100"; // 29 900 KRW, quantity in the JSON API
    static final String HTML_PRODUCT = "kf94-50"; // 15 900 KRW, an HTML page that states no quantity the rule reads

    final DemoShop shop;
    final FakeSlack slack = new FakeSlack();
    final FakeDiscord discord = new FakeDiscord();
    /** A generic webhook: its deliveries have ids, but no API rewrites what it received. */
    final FakeWebhook webhook = new FakeWebhook();
    /** For each episode that ended, the sent messages the pipeline handed to its listener. */
    final List<List<StoredDelivery>> endedEpisodes = new CopyOnWriteArrayList<>();
    /** Each change update the pipeline made, with the edits and follow-ups it sent. */
    final List<Map.Entry<StockEvent.Changed, List<Delivery>>> changes = new CopyOnWriteArrayList<>();
    final MutableClock clock;
    private final Path dir;
    Store store;
    private final SiteFetchers fetchers;
    private final HttpClient http = HttpClient.newHttpClient();
    /** The site's budget, paced at 1/s; its sleeper moves the test clock instead of waiting. */
    final SiteBudget budget = new SiteBudget(Rate.perSecond(1));
    private CheckPipeline pipeline;
    private Watch watch;
    private String product = PRODUCT;
    private boolean html;
    private boolean toDiscord;
    private boolean toWebhook;
    private String followUp;
    private Rules[] lastRules;
    private int[] lastConfirm;

    RuleBench(Path dir, Instant start) throws Exception {
        this.shop = DemoShop.start(0);
        this.clock = new MutableClock(start);
        this.dir = dir;
        this.store = Store.open("sqlite:" + dir.resolve("alimi.db"), dir);
        this.fetchers = new SiteFetchers(clock);
    }

    /** One watch of the JSON product with these rules, on a site and route with theirs. */
    RuleBench watch(Rules watchRules, Rules siteRules, Rules routeRules, int confirmIn, int confirmOut) {
        lastRules = new Rules[] {watchRules, siteRules, routeRules};
        lastConfirm = new int[] {confirmIn, confirmOut};
        Site site = new Site("shop", shop.baseUrl(), Rate.perSecond(100), Duration.ofSeconds(2), Map.of(), Map.of(),
                Site.DEFAULT_USER_AGENT, List.of(), 4, Site.DEFAULT_MAX_BODY_BYTES, Site.DEFAULT_MAX_DECODED_BYTES,
                false, siteRules);
        DetectSpec detect = html
                ? new DetectSpec.Rule("button.buy", List.of("Add to cart"), List.of("Sold out"), null, null, null, null,
                        ValueSelector.css("p.price"))
                : new DetectSpec.Rule(null, null, null, "$.stockQuantity", null, null, null, ValueSelector.jsonPath("$.price"));
        watch = new Watch("KF94", "shop", html ? shop.pageUrl(product) : shop.apiUrl(product), null, null, detect,
                Duration.ofSeconds(1), List.of("mask"), watchRules, confirmIn, confirmOut);
        ChannelSpec channelSpec = toDiscord ? discord.spec("alerts") : toWebhook ? webhook.spec("alerts") : slack.spec("alerts");
        List<Route> routes = routeRules == null ? List.of()
                : List.of(new Route("masks", List.of("alerts"), List.of("mask"), null, null, routeRules, followUp));
        Catalog catalog = new Catalog(null, Map.of("shop", site), List.of(watch), Map.of("alerts", channelSpec), routes,
                List.of(), Duration.ofMinutes(5), WebSettings.DEFAULT, "sqlite:alimi.db");
        ChannelContext context = new ChannelContext(http, System.out, clock, Duration.ofSeconds(5));
        Dispatcher dispatcher = new Dispatcher(Map.of("alerts", ChannelRegistry.standard().create(channelSpec, context)),
                clock, catalog.alertTtl(), Backoff.DEFAULT);
        pipeline = new CheckPipeline(fetchers, new Detection(DetectorRegistry.standard(), clock),
                CheckPipeline.restoreTracker(store), new AlertPolicy(), store, clock,
                ConfirmBudget.paced(name -> budget, clock, (deadline, c) -> clock.set(deadline)), new CheckListener() {
                    @Override
                    public void episodeEnded(StockEvent.SoldOut event, List<StoredDelivery> sentMessages) {
                        endedEpisodes.add(sentMessages);
                    }

                    @Override
                    public void changed(StockEvent.Changed event, List<Delivery> updates) {
                        changes.add(Map.entry(event, updates));
                    }
                });
        pipeline.apply(catalog, dispatcher);
        return this;
    }

    /** The route's follow-up when an episode ends: edit, reply or none. */
    RuleBench followUp(String mode) {
        followUp = mode;
        return this;
    }

    /** Alerts go to a fake Discord (which returns message ids) instead of Slack. */
    RuleBench discord() {
        toDiscord = true;
        return this;
    }

    /** Alerts go to a generic webhook (message ids, no edits) instead of Slack. */
    RuleBench webhook() {
        toWebhook = true;
        return this;
    }

    /** The HTML product instead of the JSON one: the page says buyable but no quantity. */
    RuleBench html() {
        html = true;
        product = HTML_PRODUCT;
        return this;
    }

    RuleBench watch(Rules watchRules) {
        return watch(watchRules, Rules.NONE, null, 1, 1);
    }

    /** Like a restart of the service: the store is closed and opened again, the tracker restored from it. */
    RuleBench restart() {
        store.close();
        store = Store.open("sqlite:" + dir.resolve("alimi.db"), dir);
        return watch(lastRules[0], lastRules[1], lastRules[2], lastConfirm[0], lastConfirm[1]);
    }

    /** Sets the product's price in the shop (the next check sees it). */
    RuleBench price(long price) {
        shop.setPrice(product, price);
        return this;
    }

    /** Sets the shop's stock, then checks once. */
    void check(long stock) {
        shop.setStock(product, stock);
        check();
    }

    void check() {
        pipeline.check(watch);
    }

    int alertsSent() {
        return toDiscord ? discord.received().size() : slack.received().size();
    }

    /** The watch's alerts in the outbox, newest first. */
    List<Alert> alerts() {
        return store.outbox().recent(watch.name(), 50);
    }

    String watchName() {
        return watch.name();
    }

    @Override
    public void close() {
        fetchers.close();
        http.close();
        store.close();
        slack.close();
        discord.close();
        webhook.close();
        shop.close();
    }
}
