package dev.alimi.store;

/** Which message of an alert a delivery was. */
public enum DeliveryKind {
    /** The alert itself. */
    ALERT,
    /** An edit of the alert's message (e.g. "sold out after 42 s"). */
    EDIT,
    /** A short follow-up message, for channels that cannot edit. */
    FOLLOW_UP
}
