package dev.alimi.notify;

import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import java.time.Instant;

/** One notification target. Sends one message per call and says how it went; never throws. */
public interface Channel {

    /** The channel's name in the config. */
    String name();

    SendResult send(StockEvent event);

    /**
     * Sends knowing when the alert stops being worth reading; services that can expire a message on the
     * phone (Pushover {@code ttl}) use it, the others just {@link #send(StockEvent)}.
     */
    default SendResult send(StockEvent event, Instant deadline) {
        return send(event);
    }

    /**
     * Sends an operator notice in the service's plain form: a clear "⚠️ Alimi: …" or "✅ Alimi: … recovered"
     * title, the notice's text escaped as alerts are, and no product link or button. No default: each service
     * words it in its own markup.
     */
    SendResult sendNotice(Notice notice);

    /** As {@link #sendNotice(Notice)}, knowing when the notice stops being worth reading. */
    default SendResult sendNotice(Notice notice, Instant deadline) {
        return sendNotice(notice);
    }

    /** The service's documented rate for one channel; the dispatcher paces sends to it. */
    default Pacing pacing() {
        return Pacing.UNLIMITED;
    }

    /** A time the receiver asked for quiet until (rate-limit headers such as a remaining count of 0), or MIN. */
    default Instant quietUntil() {
        return Instant.MIN;
    }

    /** True when {@link #edit} can rewrite a sent message; a route's {@code follow-up: edit} leaves the others alone. */
    default boolean canEdit() {
        return false;
    }

    /**
     * Replaces a message this channel sent ({@code messageId} from its {@link SendResult.Sent}) by the
     * event's text, e.g. "sold out again after 42 s"; services that cannot edit refuse for good.
     */
    default SendResult edit(String messageId, StockEvent event) {
        return new SendResult.Failed(false, "this service cannot edit sent messages");
    }

    /** Opens the connection ahead of the first alert, so an alert never pays a handshake; never throws. */
    default void warmUp() {}
}
