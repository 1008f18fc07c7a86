package dev.alimi.fetch;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers a proxy's 407 on a CONNECT (which carries no header of ours) with that proxy's
 * credentials, and nothing else: a shop asking for a login never gets the proxy password. Counts
 * the challenges, because the JDK reports a rejected password on a tunnel only as an obscure I/O
 * error: two challenges during one request mean the proxy refused what it was given.
 */
final class ProxyAuthenticator extends Authenticator {

    private final PasswordAuthentication credentials;
    private final AtomicLong challenges = new AtomicLong();

    ProxyAuthenticator(PasswordAuthentication credentials) {
        this.credentials = credentials;
    }

    /** How many times a proxy has challenged so far. */
    long challenges() {
        return challenges.get();
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY) return null;
        challenges.incrementAndGet();
        return credentials;
    }
}
