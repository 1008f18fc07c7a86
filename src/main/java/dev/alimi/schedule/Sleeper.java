package dev.alimi.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a point in time on the lane's clock. A sleeper may return early (a wake-up after a
 * config change, or spuriously): callers re-check the clock and plan again.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits until {@code clock} reaches {@code deadline}, or earlier; throws when interrupted. */
    void sleepUntil(Instant deadline, Clock clock) throws InterruptedException;

    /**
     * The real sleeper: parks the (virtual) thread once for the time left, so that
     * {@link LockSupport#unpark} wakes it at once when the plan changes.
     */
    static Sleeper parking() {
        return (deadline, clock) -> {
            long nanos = nanosUntil(clock.instant(), deadline);
            if (nanos > 0) LockSupport.parkNanos(nanos);
            if (Thread.interrupted()) throw new InterruptedException("sleep interrupted");
        };
    }

    private static long nanosUntil(Instant now, Instant deadline) {
        try {
            return Duration.between(now, deadline).toNanos();
        } catch (ArithmeticException tooFar) {
            return deadline.isAfter(now) ? Long.MAX_VALUE : 0;
        }
    }
}
