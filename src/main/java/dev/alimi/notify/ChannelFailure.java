package dev.alimi.notify;

/** A retryable failed send, as the circuit breaker records it; carries the secret-free detail, no stack. */
final class ChannelFailure extends RuntimeException {

    ChannelFailure(String detail) {
        super(detail, null, false, false);
    }
}
