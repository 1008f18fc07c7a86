package dev.alimi.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake HTTP proxy for https targets, speaking CONNECT like Squid: 407 with a Basic challenge on a
 * kept-alive connection until the right {@code Proxy-Authorization} comes, then 200 "Connection
 * established". It does not reach any shop: it closes the tunnel at once, so the TLS handshake fails.
 */
final class ConnectProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final String expectedAuthorization;
    private final List<String> heads = new CopyOnWriteArrayList<>();

    /** A proxy accepting exactly {@code expectedAuthorization} (a full {@code Basic …} value). */
    ConnectProxy(String expectedAuthorization) {
        this.expectedAuthorization = expectedAuthorization;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /** The proxy's URI with {@code userInfo} (user:password). */
    URI uri(String userInfo) {
        return URI.create("http://" + userInfo + "@127.0.0.1:" + socket.getLocalPort());
    }

    /** Every request head received, lines joined by " | ". */
    List<String> heads() {
        return heads;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            while (true) {
                StringBuilder head = new StringBuilder();
                String line;
                boolean authorized = false;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (!head.isEmpty()) head.append(" | ");
                    head.append(line);
                    if (line.equalsIgnoreCase("Proxy-Authorization: " + expectedAuthorization)) authorized = true;
                }
                if (line == null) return;
                heads.add(head.toString());
                if (authorized) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    return;
                }
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
