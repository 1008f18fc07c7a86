package dev.alimi.fetch;

import dev.alimi.model.Page;
import dev.alimi.model.Site;
import dev.alimi.model.Watch;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/** Fetches pages for the watches of one site, with the site's client, headers, timeout and caps. */
public final class SiteFetcher implements AutoCloseable {

    private final Site site;
    private final Clock clock;
    private final HttpClient client;

    public SiteFetcher(Site site, Clock clock) {
        this.site = site;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(site.timeout()).build();
    }

    /** One request for one watch; never throws. */
    public FetchResult fetch(Watch watch) {
        try {
            HttpRequest request = HttpRequest.newBuilder(watch.url()).timeout(site.timeout()).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new FetchResult.Fetched(new Page(response.uri(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(), clock.instant()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return new FetchResult.Failed(e.getClass().getSimpleName(), clock.instant());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
