package dev.alimi.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One alert to one channel, as it ended.
 *
 * @param channel    channel name
 * @param watch      watch name
 * @param outcome    how it ended
 * @param detectedAt when the response that made the alert was received
 * @param sentAt     when the receiver accepted it (or when we gave up)
 * @param attempts   how many requests were made
 * @param messageId  the remote message id for later edits, or null
 * @param detail     why it failed or was dropped, or null
 */
public record Delivery(
        String channel,
        String watch,
        Outcome outcome,
        Instant detectedAt,
        Instant sentAt,
        int attempts,
        String messageId,
        String detail) {

    /** How a delivery ended. */
    public enum Outcome { SENT, FAILED, EXPIRED }

    /** From the response being received to the receiver accepting the alert. */
    public Duration latency() {
        return Duration.between(detectedAt, sentAt);
    }
}
