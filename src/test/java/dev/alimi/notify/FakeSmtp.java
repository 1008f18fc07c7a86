package dev.alimi.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on loopback whose reply to the end of each message's DATA is scripted: {@code 451}
 * (try later) or {@code 554} (refused), else {@code 250}. GreenMail cannot answer a message with 4xx or 5xx.
 */
final class FakeSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final Deque<String> dataReplies = new ArrayDeque<>();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    FakeSmtp() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-smtp").start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The reply to the next message's end of DATA, like {@code 451 4.3.0 try again later}. */
    synchronized void replyNext(String reply) {
        dataReplies.addLast(reply);
    }

    int messages() {
        return messages.get();
    }

    int accepted() {
        return accepted.get();
    }

    private synchronized String nextDataReply() {
        String r = dataReplies.pollFirst();
        return r != null ? r : "250 2.0.0 queued";
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> session(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = socket.getOutputStream();
            send(out, "220 fake.smtp ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT)
                        : line.toUpperCase(java.util.Locale.ROOT);
                switch (cmd) {
                    case "EHLO", "HELO" -> send(out, "250 fake.smtp");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> send(out, "250 2.0.0 ok");
                    case "DATA" -> {
                        send(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        messages.incrementAndGet();
                        String reply = nextDataReply();
                        if (reply.startsWith("250")) {
                            accepted.incrementAndGet();
                        }
                        send(out, reply);
                    }
                    case "QUIT" -> {
                        send(out, "221 bye");
                        return;
                    }
                    default -> send(out, "502 5.5.2 command not recognised");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
