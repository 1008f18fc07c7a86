package dev.alimi.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.Change;
import dev.alimi.model.Notice;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the alert's fields as JSON ({@code {"type":"restock.detected","timestamp",…,"data":{…}}}), signed the
 * Standard Webhooks way when a secret is set. The {@code webhook-id} is derived from the alert, so retries
 * carry the same id and the receiver can drop duplicates.
 */
final class WebhookChannel extends HttpChannel {

    private final WebhookChannelType.Target target;
    private final MessageTemplate template;
    private final Clock clock;

    WebhookChannel(String name, WebhookChannelType.Target target, MessageTemplate template, ChannelContext context) {
        super(name, target.endpoint(), new JsonWebhook(context, target.secrets()));
        this.target = target;
        this.template = template;
        this.clock = context.clock();
    }

    @Override
    public SendResult send(StockEvent event) {
        return postJson("alert", () -> body(event),
                body -> post(body, "msg_" + alertId(event).toString().replace("-", "")));
    }

    private SendResult post(String body, String id) {
        Map<String, String> headers = new LinkedHashMap<>(target.headers());
        headers.put("webhook-id", id);
        if (target.signingKey() != null) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            headers.put("webhook-timestamp", timestamp);
            headers.put("webhook-signature", "v1," + sign(target.signingKey(), id + "." + timestamp + "." + body));
        }
        SendResult result = webhook.send(target.endpoint(), headers, body, r -> new SendResult.Sent(id),
                r -> Optional.empty());
        if (result instanceof SendResult.Failed f && f.detail().startsWith("HTTP 410")) {
            return new SendResult.Failed(false, "endpoint is gone (HTTP 410): disable this channel");
        }
        return result;
    }

    /**
     * The notice as {@code {"type":"alimi.notice",…,"data":{"kind","subject","text","recovered","at"}}}, signed
     * like alerts; its {@code webhook-id} is derived from the notice so retries carry the same id.
     */
    @Override
    public SendResult sendNotice(Notice notice) {
        return postJson("notice", () -> {
            ObjectNode message = json.createObjectNode();
            message.put("type", "alimi.notice");
            message.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            message.put("title", notice.title());
            message.put("message", notice.text());
            ObjectNode data = message.putObject("data");
            data.put("kind", notice.kind().name());
            data.put("subject", notice.subject());
            data.put("text", notice.text());
            data.put("recovered", notice.recovered());
            data.put("at", DateTimeFormatter.ISO_INSTANT.format(notice.at()));
            return message;
        }, body -> {
            String key = "notice\n" + notice.kind() + "\n" + notice.subject() + "\n" + notice.recovered() + "\n"
                    + notice.at();
            String id = "msg_"
                    + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            return post(body, id);
        });
    }

    ObjectNode body(StockEvent event) {
        MessageText m = MessageText.of(event);
        Observation o = event.observation();
        ObjectNode body = json.createObjectNode();
        body.put("type", switch (event) {
            case StockEvent.Restocked r -> "restock.detected";
            case StockEvent.SoldOut so -> "restock.ended";
            case StockEvent.Changed c -> "restock.changed";
        });
        body.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        body.put("title", switch (m.kind()) {
            case RESTOCKED -> "Back in stock: " + m.name();
            case SOLD_OUT, CHANGED -> m.name() + " " + m.headline();
        });
        body.put("message", template != null ? template.render(event, s -> s, s -> s) : m.summary());
        ObjectNode data = body.putObject("data");
        data.put("alertId", alertId(event).toString());
        data.put("watch", m.name());
        data.put("site", m.site());
        data.put("url", m.link());
        data.put("availability", o.availability().name());
        if (o.price() != null) {
            data.put("price", o.price());
            data.put("currency", o.currency());
            data.put("priceText", m.price());
        }
        if (o.quantity() != null) {
            data.put("quantity", o.quantity());
        }
        String unit = MessageTemplate.values(event).get("unit_price");
        if (!unit.isEmpty()) {
            data.put("unitPriceText", unit);
        }
        data.put("detectedAt", DateTimeFormatter.ISO_INSTANT.format(o.observedAt()));
        switch (event) {
            case StockEvent.Restocked r -> { }
            case StockEvent.SoldOut so -> data.put("buyableForSeconds", so.buyableFor().toSeconds());
            case StockEvent.Changed c -> changes(data.putArray("changes"), c.what());
        }
        data.put("evidence", o.evidence());
        return body;
    }

    /** {@code [{"kind": "price", "was": 15900, "now": 17900}, {"kind": "low-stock", "quantity": 2, "minStock": 5}]}. */
    private static void changes(com.fasterxml.jackson.databind.node.ArrayNode out, java.util.List<Change> what) {
        for (Change change : what) {
            ObjectNode c = out.addObject();
            switch (change) {
                case Change.Price p -> c.put("kind", "price").put("was", p.was()).put("now", p.now());
                case Change.LowStock l -> c.put("kind", "low-stock").put("quantity", l.quantity())
                        .put("minStock", l.minStock());
                case Change.StockBack b -> c.put("kind", "stock-back").put("quantity", b.quantity())
                        .put("minStock", b.minStock());
            }
        }
    }

    /** The same id for every send of one alert: watch, kind and observation time. */
    static UUID alertId(StockEvent event) {
        String key = event.watch().name() + "\n" + event.getClass().getSimpleName() + "\n"
                + event.observation().observedAt();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
