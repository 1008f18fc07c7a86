package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.Locale;

/**
 * MQTT, for Home Assistant and other home automation. Accepts {@code mqtt://} / {@code mqtts://[USER:PASS@]HOST[:PORT]/TOPIC}
 * (Apprise and Shoutrrr) with {@code qos} 0-2 (default 1), {@code retain} (or {@code retained}) and
 * {@code client_id} (or {@code clientid}); {@code disabletls=yes} turns {@code mqtts} back into plain MQTT.
 */
final class MqttChannelType extends ParsedChannelType<MqttChannelType.Target> {

    static final String FORMS = "mqtt://HOST:1883/restock/alerts or mqtts://USER:PASSWORD@HOST:8883/TOPIC";

    /** The broker, TLS or not, the login (password secret), topic, QoS, retain and client id. */
    record Target(String host, int port, boolean tls, String user, String password, String topic, int qos,
            boolean retain, String clientId, String shown) {}

    @Override
    public String type() {
        return "mqtt";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("mqtt") || scheme.equals("mqtts");
    }

    @Override
    Channel create(ChannelSpec spec, Target t, ChannelContext context) {
        return new MqttChannel(spec.name(), t, MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    String redact(ChannelSpec spec, Target t) {
        return t.shown();
    }

    @Override
    Target target(ChannelSpec spec) {
        if (spec.baseUrl() != null) {
            throw new IllegalArgumentException("base-url does not apply to MQTT; put the broker in the URL: " + FORMS);
        }
        ChannelUrl url = ChannelUrl.parse(spec.url());
        if (!accepts(url.uri())) {
            throw new IllegalArgumentException("an mqtt channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        }
        boolean tls = url.scheme().equals("mqtts") && !yes(option(spec, url, "disabletls"));
        String host = url.uri().getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("MQTT URL needs a broker host; expected " + FORMS);
        }
        int port = url.uri().getPort() > 0 ? url.uri().getPort() : tls ? 8883 : 1883;
        if (url.segments().isEmpty()) {
            throw new IllegalArgumentException("MQTT URL names no topic; expected " + FORMS);
        }
        String topic = String.join("/", url.segments());
        if (topic.contains("+") || topic.contains("#") || topic.length() > 1000) {
            throw new IllegalArgumentException("MQTT topic to publish to may not hold the wildcards + or #");
        }
        String qosText = option(spec, url, "qos");
        int qos = 1;
        if (qosText != null) {
            if (!qosText.matches("[012]")) {
                throw new IllegalArgumentException("MQTT qos must be 0, 1 or 2, got '" + qosText + "'");
            }
            qos = Integer.parseInt(qosText);
        }
        boolean retain = yes(option(spec, url, "retain", "retained"));
        String clientId = option(spec, url, "client_id", "clientid");
        if (clientId != null && !clientId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("MQTT client id may hold letters, digits, '_' and '-' (at most 64)");
        }
        String user = null;
        String password = null;
        if (url.userInfo() != null && !url.userInfo().isBlank()) {
            int c = url.userInfo().indexOf(':');
            user = c < 0 ? url.userInfo() : url.userInfo().substring(0, c);
            password = c < 0 ? null : url.userInfo().substring(c + 1);
        }
        String shown = (tls ? "mqtts://" : "mqtt://") + (user == null ? "" : user + (password == null ? "" : ":***") + "@")
                + host + ":" + port + "/" + topic;
        return new Target(host, port, tls, user, password, topic, qos, retain, clientId, shown);
    }
}
