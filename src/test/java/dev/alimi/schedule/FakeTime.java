package dev.alimi.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A settable clock and a sleeper that advances it instead of sleeping, up to a horizon. A lane
 * that wants to sleep past the horizon parks (without moving time) until the test moves the
 * horizon and wakes it, or stops it. So a test runs a lane through fake seconds deterministically.
 */
final class FakeTime {

    private final AtomicReference<Instant> now = new AtomicReference<>();
    private volatile Instant horizon;
    private volatile boolean parkedAtHorizon;

    FakeTime(Instant start) {
        now.set(start);
        this.horizon = start;
    }

    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    final Sleeper sleeper = (deadline, clock) -> {
        if (deadline.isAfter(horizon)) {
            parkedAtHorizon = true;
            LockSupport.park(this);
            parkedAtHorizon = false;
            if (Thread.interrupted()) throw new InterruptedException("stopped");
            return;
        }
        now.accumulateAndGet(deadline, (a, b) -> a.isAfter(b) ? a : b);
    };

    Instant now() {
        return now.get();
    }

    /** Lets time run up to {@code newHorizon}; the caller wakes the lane (update) or starts it. */
    void runUntil(Instant newHorizon) {
        parkedAtHorizon = false;
        horizon = newHorizon;
    }

    /** True once the lane wants to sleep past the horizon: everything up to it has run. */
    boolean idleAtHorizon() {
        return parkedAtHorizon;
    }
}
