package dev.alimi.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import dev.alimi.model.Notice;
import dev.alimi.model.Observation;
import dev.alimi.model.StockEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes each alert as one JSON object (the shape of a Home Assistant MQTT trigger: {@code product},
 * {@code price}, {@code currency}, {@code stock}, {@code shop}, {@code url}, …) with the HiveMQ client (MQTT
 * 3.1.1). The broker connection is kept open between alerts and reopened after a failure.
 */
final class MqttChannel implements Channel, AutoCloseable {

    private final String name;
    private final MqttChannelType.Target target;
    private final MessageTemplate template;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();
    private final ReentrantLock lock = new ReentrantLock();
    /** HiveMQ's default Netty threads are not daemons and would keep a finished CLI alive. */
    private final ExecutorService netty = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "alimi-mqtt");
        t.setDaemon(true);
        return t;
    });
    private Mqtt3AsyncClient client;

    MqttChannel(String name, MqttChannelType.Target target, MessageTemplate template, ChannelContext context) {
        this.name = name;
        this.target = target;
        this.template = template;
        this.timeout = context.requestTimeout();
    }

    @Override
    public String name() {
        return name;
    }

    /** Connects to the broker now, so the first alert does not wait for the handshake. */
    @Override
    public void warmUp() {
        lock.lock();
        try {
            if (client == null || !client.getState().isConnected()) {
                disconnectQuietly();
                client = connect();
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            disconnectQuietly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SendResult send(StockEvent event) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(payload(event));
        } catch (JsonProcessingException | RuntimeException e) {
            return new SendResult.Failed(false, "could not format the alert (" + e.getClass().getSimpleName() + ")");
        }
        return publish(payload);
    }

    /**
     * The notice as {@code {"event":"notice","kind","subject","text","recovered","title","at"}} on the same
     * topic, never retained: an automation tells it from a stock state by {@code event}.
     */
    @Override
    public SendResult sendNotice(Notice notice) {
        byte[] payload;
        try {
            ObjectNode p = json.createObjectNode();
            p.put("event", "notice");
            p.put("kind", notice.kind().name());
            p.put("subject", notice.subject());
            p.put("recovered", notice.recovered());
            p.put("title", notice.title());
            p.put("text", notice.text());
            p.put("at", DateTimeFormatter.ISO_INSTANT.format(notice.at()));
            payload = json.writeValueAsBytes(p);
        } catch (JsonProcessingException | RuntimeException e) {
            return new SendResult.Failed(false, "could not format the notice (" + e.getClass().getSimpleName() + ")");
        }
        return publish(payload, false);
    }

    private SendResult publish(byte[] payload) {
        return publish(payload, target.retain());
    }

    private SendResult publish(byte[] payload, boolean retain) {
        lock.lock();
        try {
            if (client == null || !client.getState().isConnected()) {
                disconnectQuietly();
                client = connect();
            }
            client.publishWith().topic(target.topic()).qos(MqttQos.fromCode(target.qos())).retain(retain)
                    .payload(payload).send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new SendResult.Sent(null);
        } catch (TimeoutException e) {
            disconnectQuietly();
            return new SendResult.Failed(true, "MQTT broker " + where() + " did not answer within "
                    + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            disconnectQuietly();
            if (e.getCause() instanceof Mqtt3ConnAckException refused) {
                return new SendResult.Failed(false, "MQTT broker " + where() + " refused the connection ("
                        + refused.getMqttMessage().getReturnCode() + ")");
            }
            return new SendResult.Failed(true, "MQTT broker " + where() + " unreachable ("
                    + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disconnectQuietly();
            return new SendResult.Failed(false, "interrupted while sending");
        } finally {
            lock.unlock();
        }
    }

    private Mqtt3AsyncClient connect() throws ExecutionException, InterruptedException, TimeoutException {
        String id = target.clientId() != null ? target.clientId()
                : "alimi-" + UUID.randomUUID().toString().substring(0, 8);
        Mqtt3ClientBuilder builder = MqttClient.builder().useMqttVersion3().identifier(id)
                .serverHost(target.host()).serverPort(target.port())
                .executorConfig(MqttClientExecutorConfig.builder().nettyExecutor(netty).nettyThreads(1).build());
        if (target.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        Mqtt3AsyncClient c = builder.buildAsync();
        var connect = c.connectWith().cleanSession(true).keepAlive(60);
        if (target.user() != null) {
            var auth = connect.simpleAuth().username(target.user());
            if (target.password() != null) {
                auth = auth.password(target.password().getBytes(StandardCharsets.UTF_8));
            }
            connect = auth.applySimpleAuth();
        }
        try {
            connect.send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            c.disconnect();
            throw e;
        }
        return c;
    }

    ObjectNode payload(StockEvent event) {
        MessageText m = MessageText.of(event);
        Observation o = event.observation();
        ObjectNode p = json.createObjectNode();
        p.put("event", switch (event) {
            case StockEvent.Restocked r -> "restocked";
            case StockEvent.SoldOut so -> "sold_out";
            case StockEvent.Changed c -> "changed";
        });
        p.put("state", m.buyable() ? "in_stock" : "out_of_stock");
        p.put("product", m.name());
        if (o.price() != null) {
            p.put("price", o.price().toPlainString());
            p.put("currency", o.currency());
            p.put("price_text", m.price());
        }
        if (o.quantity() != null) {
            p.put("stock", o.quantity());
        }
        p.put("shop", m.site());
        p.put("url", m.link());
        p.put("detected", DateTimeFormatter.ISO_INSTANT.format(o.observedAt()));
        switch (event) {
            case StockEvent.Restocked r -> { }
            case StockEvent.SoldOut so -> p.put("buyable_seconds", so.buyableFor().toSeconds());
            case StockEvent.Changed c -> p.put("change", MessageText.describe(c.what()));
        }
        p.put("title", switch (m.kind()) {
            case RESTOCKED -> "Back in stock: " + m.name();
            case SOLD_OUT, CHANGED -> m.name() + " " + m.headline();
        });
        p.put("message", template != null ? template.render(event, s -> s, s -> s) : m.summary());
        return p;
    }

    private String where() {
        return target.host() + ":" + target.port();
    }

    private void disconnectQuietly() {
        if (client != null) {
            try {
                client.disconnect();
            } catch (RuntimeException ignored) {
                // already gone
            }
            client = null;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            disconnectQuietly();
        } finally {
            lock.unlock();
        }
        netty.shutdown();
    }
}
