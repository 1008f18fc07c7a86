package dev.alimi.store;

/** The store could not be opened or used; the message names what and never holds a password. */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
