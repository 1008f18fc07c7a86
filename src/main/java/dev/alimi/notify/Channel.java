package dev.alimi.notify;

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
}
