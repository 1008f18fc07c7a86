package dev.alimi.fetch;

import static dev.alimi.fetch.Fixtures.CLOCK;
import static dev.alimi.fetch.Fixtures.NOW;
import static dev.alimi.fetch.Fixtures.site;
import static dev.alimi.fetch.Fixtures.watch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Site;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How response bodies are capped, decompressed and decoded to text. */
class SiteFetcherBodyTest {

    private static final String PAGE = "<html><body><button class=buy>구매하기</button> 재고 12개</body></html>";
    private static final Charset EUC_KR = Charset.forName("EUC-KR");

    private final FakeShop shop = new FakeShop();

    @AfterEach
    void stop() {
        shop.close();
    }

    private void serve(String path, String contentType, String contentEncoding, byte[] body) {
        shop.on(path, ex -> {
            if (contentEncoding != null) ex.getResponseHeaders().set("Content-Encoding", contentEncoding);
            FakeShop.respond(ex, 200, contentType, body);
        });
    }

    private String fetchedBody(String path) {
        return fetchedBody(site(), path);
    }

    private String fetchedBody(Site s, String path) {
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri(path)));
            assertThat(r).isInstanceOf(FetchResult.Fetched.class);
            return ((FetchResult.Fetched) r).page().body();
        }
    }

    private FetchResult fetch(Site s, String path) {
        try (SiteFetcher f = new SiteFetcher(s, CLOCK)) {
            return f.fetch(watch(shop.uri(path)));
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean zlibWrapped) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, !zlibWrapped);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, d)) {
            z.write(data);
        } finally {
            d.end();
        }
        return out.toByteArray();
    }

    /** {@code size} zero bytes gzipped, written in slices so the test itself stays small in memory. */
    static byte[] gzipBomb(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 16];
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (long written = 0; written < size; written += zeros.length) gz.write(zeros);
        }
        return out.toByteArray();
    }

    @Test
    void decodesGzip() throws IOException {
        serve("/gz", "text/html; charset=utf-8", "gzip", gzip(PAGE.getBytes(StandardCharsets.UTF_8)));
        assertThat(fetchedBody("/gz")).isEqualTo(PAGE);
    }

    @Test
    void decodesZlibWrappedDeflate() throws IOException {
        serve("/zlib", "text/html; charset=utf-8", "deflate", deflate(PAGE.getBytes(StandardCharsets.UTF_8), true));
        assertThat(fetchedBody("/zlib")).isEqualTo(PAGE);
    }

    @Test
    void decodesRawDeflate() throws IOException {
        serve("/raw", "text/html; charset=utf-8", "deflate", deflate(PAGE.getBytes(StandardCharsets.UTF_8), false));
        assertThat(fetchedBody("/raw")).isEqualTo(PAGE);
    }

    @Test
    void gzipBombFailsAtTheDecodedCap() throws IOException {
        byte[] bomb = gzipBomb(100L * 1024 * 1024);
        assertThat((long) bomb.length).isLessThan(Site.DEFAULT_MAX_BODY_BYTES / 10);
        serve("/bomb", "text/html", "gzip", bomb);

        assertThat(fetch(site(), "/bomb")).isEqualTo(new FetchResult.Failed("decoded body over 5 MB", NOW));
    }

    @Test
    void corruptGzipFails() {
        serve("/bad", "text/html", "gzip", "not gzip at all".getBytes(StandardCharsets.US_ASCII));
        assertThat(fetch(site(), "/bad")).isEqualTo(new FetchResult.Failed("corrupt gzip body", NOW));
    }

    @Test
    void unsupportedEncodingFails() {
        serve("/br", "text/html", "br", new byte[] {1, 2, 3});
        assertThat(fetch(site(), "/br")).isEqualTo(new FetchResult.Failed("unsupported content encoding br", NOW));
    }

    @Test
    void endlessRawBodyFailsAtTheRawCap() {
        shop.on("/huge", ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                while (true) out.write(chunk);
            } catch (IOException e) {
                // the client stopped reading: expected
            }
        });
        Site s = site(Duration.ofSeconds(30), Map.of(), Map.of(), List.of(), 1024 * 1024, 1024 * 1024);

        assertThat(fetch(s, "/huge")).isEqualTo(new FetchResult.Failed("body over 1 MB", NOW));
    }

    @Test
    void plainBodyOverTheDecodedCapFails() {
        serve("/big", "text/plain", null, new byte[3000]);
        Site s = site(Duration.ofSeconds(5), Map.of(), Map.of(), List.of(), 10_000, 2000);

        assertThat(fetch(s, "/big")).isEqualTo(new FetchResult.Failed("decoded body over 2000 bytes", NOW));
    }

    @Test
    void eucKrFromTheContentTypeHeader() {
        serve("/euc", "text/html; charset=EUC-KR", null, PAGE.getBytes(EUC_KR));
        assertThat(fetchedBody("/euc")).isEqualTo(PAGE);
    }

    @Test
    void eucKrFromMetaCharset() {
        String html = "<html><head><meta charset=\"euc-kr\"><title>마스크</title></head><body>품절</body></html>";
        serve("/meta", "text/html", null, html.getBytes(EUC_KR));
        assertThat(fetchedBody("/meta")).isEqualTo(html);
    }

    @Test
    void eucKrFromMetaHttpEquiv() {
        String html = "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=euc-kr\">"
                + "</head><body>일시품절</body></html>";
        serve("/equiv", null, null, html.getBytes(EUC_KR));
        assertThat(fetchedBody("/equiv")).isEqualTo(html);
    }

    @Test
    void eucKrLabelDecodesExtendedHangulLikeBrowsers() {
        // 똠 is outside KS X 1001; shops labelled EUC-KR really send windows-949 for it.
        String text = "<p>똠양꿍 재입고</p>";
        serve("/cp949", "text/html; charset=euc-kr", null, text.getBytes(Charset.forName("x-windows-949")));
        assertThat(fetchedBody("/cp949")).isEqualTo(text);
    }

    @Test
    void gzippedEucKr() throws IOException {
        serve("/gzeuc", "text/html;charset=euc-kr", "gzip", gzip(PAGE.getBytes(EUC_KR)));
        assertThat(fetchedBody("/gzeuc")).isEqualTo(PAGE);
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        byte[] bytes = {'o', 'k', (byte) 0xFF, (byte) 0xC3, ' ', (byte) 0xED, (byte) 0x95, (byte) 0x9C};
        serve("/bad-utf8", "text/html; charset=utf-8", null, bytes);
        assertThat(fetchedBody("/bad-utf8")).isEqualTo("ok\uFFFD\uFFFD 한");
    }

    @Test
    void unknownCharsetFallsBackToUtf8() {
        serve("/weird", "text/html; charset=x-no-such-charset", null, PAGE.getBytes(StandardCharsets.UTF_8));
        assertThat(fetchedBody("/weird")).isEqualTo(PAGE);
    }

    @Test
    void emptyBodyIsAnEmptyPage() {
        shop.on("/empty", ex -> ex.sendResponseHeaders(204, -1));
        try (SiteFetcher f = new SiteFetcher(site(), CLOCK)) {
            FetchResult r = f.fetch(watch(shop.uri("/empty")));
            assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, ok -> {
                assertThat(ok.page().status()).isEqualTo(204);
                assertThat(ok.page().body()).isEmpty();
            });
        }
    }
}
