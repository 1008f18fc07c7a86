package dev.alimi.bench;

import dev.alimi.detect.Detection;
import dev.alimi.detect.DetectorRegistry;
import dev.alimi.model.DetectSpec;
import dev.alimi.model.Observation;
import dev.alimi.model.Page;
import dev.alimi.model.Watch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detection time per page over the shared fixture corpus (5 KB to 1.3 MB): triage, parsing and
 * {@code detect: auto}, exactly what one check costs after the fetch. One thread, so the inverse
 * of the average time is checks per second on one core. The corpus folder is the system property
 * {@code alimi.fixtures} (default {@code ../shared/fixtures}, seen from the project root where bench/run runs).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx512m"})
@Threads(1)
public class DetectionBench {

    /** Every labelled page of MANIFEST.tsv. */
    @Param({
        "bot-block/cloudflare_iuam_just_a_moment_2021.html",
        "bot-block/amazon_co_uk_robot_check_captcha_2021.html",
        "bot-block/akamai_access_denied_2021.html",
        "amazon/amazon_com_gorilla_tape_instock.html",
        "amazon/amazon_com_led_sconce_instock.html",
        "etsy/etsy_es_calabaza_mat_instock.html",
        "jossandmain/jossandmain_duprey_pendant_instock.html",
        "rejuvenation/rejuvenation_keystick_sconce_og_instock.html",
        "fye/fye_better_off_dead_og_instock.html",
        "naver/smartstore_i_v2_product_4652047451_SALE.json",
        "shopify/shopify_admin_products_natural_elements_de.json",
        "woocommerce/wc_store_api_products_hichamwootest.json",
    })
    public String file;

    private Detection detection;
    private Watch watch;
    private Page page;

    @Setup
    public void load() {
        detection = new Detection(DetectorRegistry.standard());
        watch = new Watch("bench", "shop", URI.create("https://fixture.example/" + file), null, null,
                new DetectSpec.Recipe("auto"), null, null, null, null, null, List.of());
        page = page(corpus().resolve(file), file);
    }

    /** One check of one page with {@code detect: auto}. */
    @Benchmark
    public Observation decideAuto() {
        return detection.decide(watch, page);
    }

    static Path corpus() {
        String dir = System.getProperty("alimi.fixtures", "../shared/fixtures");
        Path path = Path.of(dir);
        if (!Files.isRegularFile(path.resolve("MANIFEST.tsv"))) {
            throw new IllegalStateException("fixture corpus not found at " + path.toAbsolutePath()
                    + "; run with -Dalimi.fixtures=/path/to/shared/fixtures");
        }
        return path;
    }

    static Page page(Path path, String name) {
        try {
            String body = Files.readString(path, StandardCharsets.UTF_8);
            String type = name.endsWith(".json") ? "application/json" : "text/html; charset=utf-8";
            return new Page(URI.create("https://fixture.example/" + name), 200, type, body, Instant.EPOCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
