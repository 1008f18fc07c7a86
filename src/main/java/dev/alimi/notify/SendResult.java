package dev.alimi.notify;

import java.time.Duration;

/** How one send attempt to a receiver went. */
public sealed interface SendResult permits SendResult.Sent, SendResult.RetryAfter, SendResult.Failed {

    /** Accepted; {@code messageId} is the remote id for later edits, or null when the service gives none. */
    record Sent(String messageId) implements SendResult {}

    /** Rate limited (429): try again after {@code delay}, as the receiver asked. */
    record RetryAfter(Duration delay, String detail) implements SendResult {}

    /** Refused or unreachable; {@code retryable} for 5xx and timeouts, not for 4xx. */
    record Failed(boolean retryable, String detail) implements SendResult {}
}
