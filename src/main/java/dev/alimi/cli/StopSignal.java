package dev.alimi.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-shot "please stop" that long-running commands wait on. */
public final class StopSignal {

    private final CountDownLatch latch = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    public void stop() {
        latch.countDown();
    }

    public boolean isStopped() {
        return latch.getCount() == 0;
    }

    /** Waits until stopped or until {@code max} has passed; true when stopped. */
    public boolean await(Duration max) throws InterruptedException {
        return latch.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void await() throws InterruptedException {
        latch.await();
    }

    /** Says that the command has cleaned up after a stop. */
    public void finished() {
        finished.countDown();
    }

    /**
     * Stops, then waits up to {@code max} for the command to clean up: a JVM shutdown hook must not
     * return before lanes and in-flight alerts have ended.
     */
    public void stopAndWait(Duration max) {
        stop();
        try {
            finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
