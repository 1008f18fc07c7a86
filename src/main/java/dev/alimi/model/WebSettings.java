package dev.alimi.model;

/** Where the dashboard and API listen; {@code token} is a secret. */
public record WebSettings(String bind, int port, String token) {

    public static final WebSettings DEFAULT = new WebSettings("127.0.0.1", 8080, null);

    public boolean isLoopback() {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
    }
}
