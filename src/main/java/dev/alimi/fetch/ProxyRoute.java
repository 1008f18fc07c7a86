package dev.alimi.fetch;

import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * One HTTP proxy of a site: where it listens, the {@code Proxy-Authorization} value for its
 * credentials (or null), the credentials themselves for CONNECT tunnels (https targets), and a
 * label safe to show in reasons and logs (password redacted).
 */
record ProxyRoute(InetSocketAddress address, String authorization, PasswordAuthentication credentials, String label) {

    private static final Pattern USERINFO = Pattern.compile("(?<=//)([^/@:\\s]+):[^/@\\s]*@");

    /** Reads a proxy URI such as {@code http://user:pass@host:3128}. */
    static ProxyRoute of(URI proxy) {
        String scheme = proxy.getScheme() == null ? "http" : proxy.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("unsupported proxy scheme " + scheme + " in " + redact(proxy.toString())
                    + " (only http:// proxies)");
        }
        if (proxy.getHost() == null) {
            throw new IllegalArgumentException("proxy without host: " + redact(proxy.toString()));
        }
        int port = proxy.getPort() == -1 ? 80 : proxy.getPort();
        String authorization = null;
        PasswordAuthentication credentials = null;
        String rawUserInfo = proxy.getRawUserInfo();
        if (rawUserInfo != null && !rawUserInfo.isEmpty()) {
            int colon = rawUserInfo.indexOf(':');
            String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
            String pass = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
            authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
            credentials = new PasswordAuthentication(user, pass.toCharArray());
        }
        String label = "http://" + (rawUserInfo == null ? "" : redactUserInfo(rawUserInfo) + "@")
                + proxy.getHost() + ":" + port;
        return new ProxyRoute(InetSocketAddress.createUnresolved(proxy.getHost(), port), authorization, credentials, label);
    }

    /** A fresh authenticator answering this proxy's challenges (null without credentials). */
    ProxyAuthenticator authenticator() {
        return credentials == null ? null : new ProxyAuthenticator(credentials);
    }

    /** Replaces the password of every {@code scheme://user:pass@} in {@code text} with {@code ***}. */
    static String redact(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1:***@");
    }

    private static String redactUserInfo(String rawUserInfo) {
        int colon = rawUserInfo.indexOf(':');
        return colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon) + ":***";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return label;
    }
}
