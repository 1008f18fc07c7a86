package dev.alimi.notify;

import dev.alimi.model.StockEvent;

/** One notification target. Sends one message per call and says how it went; never throws. */
public interface Channel {

    /** The channel's name in the config. */
    String name();

    SendResult send(StockEvent event);
}
