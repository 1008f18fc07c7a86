package dev.alimi.model;

/** What one check concluded about whether a product can be bought. */
public enum Availability {
    IN_STOCK,
    OUT_OF_STOCK,
    /** Neither an in-stock nor an out-of-stock signal was found. */
    UNKNOWN,
    /** A captcha, 403, bot wall or login wall stood between us and the product. */
    BLOCKED,
    /** Timeout, 5xx, unreadable body: the check itself failed. */
    ERROR;

    /** Only IN_STOCK and OUT_OF_STOCK are decisions; the rest are doubt and never alert. */
    public boolean isDecisive() {
        return this == IN_STOCK || this == OUT_OF_STOCK;
    }
}
