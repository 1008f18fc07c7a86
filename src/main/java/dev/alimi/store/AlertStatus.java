package dev.alimi.store;

/** Where an alert in the outbox stands. */
public enum AlertStatus {
    /** Stored, not yet delivered; sent after a restart if still within its TTL. */
    PENDING,
    /** The receiver accepted it. */
    SENT,
    /** It became older than its TTL before it was delivered; never sent late. */
    EXPIRED,
    /** The receiver refused it for good, or retries ran out. */
    FAILED,
    /** A rule held it; {@code reason} says which. */
    HELD;

    /** True once the alert will never be sent (again). */
    public boolean isFinal() {
        return this == SENT || this == EXPIRED || this == FAILED;
    }
}
