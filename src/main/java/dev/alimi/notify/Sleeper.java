package dev.alimi.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until a time of the dispatcher's clock; an interrupt ends the wait early and stays set. */
interface Sleeper {

    void sleepUntil(Instant at);

    /** Sleeps the real time between the clock's now and {@code at}. */
    static Sleeper onClock(Clock clock) {
        return at -> {
            Duration d = ChannelGate.until(clock.instant(), at);
            if (!d.isZero()) {
                try {
                    Thread.sleep(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
