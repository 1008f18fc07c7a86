package dev.alimi.notify;

import dev.alimi.model.Notice;
import dev.alimi.model.StockEvent;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends alerts as email (text and HTML alternatives) with Angus Mail. One SMTP connection is kept open
 * between alerts so an alert does not pay the handshake; it is reopened after any failure. SMTP 4xx replies
 * and network trouble are retryable, 5xx replies and refused logins are not. Keeps the Message-ID.
 */
final class EmailChannel implements Channel, AutoCloseable {

    private final String name;
    private final EmailChannelType.Target target;
    private final MessageTemplate template;
    private final Session session;
    private final ReentrantLock lock = new ReentrantLock();
    private Transport transport;

    EmailChannel(String name, EmailChannelType.Target target, MessageTemplate template, ChannelContext context) {
        this.name = name;
        this.target = target;
        this.template = template;
        this.session = Session.getInstance(properties(target, context.requestTimeout().toMillis()));
    }

    private static Properties properties(EmailChannelType.Target t, long timeoutMillis) {
        String protocol = t.security() == EmailChannelType.Security.SSL ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", t.host());
        props.put(p + "port", Integer.toString(t.port()));
        props.put(p + "auth", Boolean.toString(t.user() != null && t.password() != null));
        props.put(p + "connectiontimeout", Long.toString(timeoutMillis));
        props.put(p + "timeout", Long.toString(timeoutMillis));
        props.put(p + "writetimeout", Long.toString(timeoutMillis));
        props.put(p + "ssl.checkserveridentity", "true");
        if (t.security() == EmailChannelType.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        return props;
    }

    @Override
    public String name() {
        return name;
    }

    /** Connects and logs in now, so the first alert does not wait for the SMTP handshake. */
    @Override
    public void warmUp() {
        lock.lock();
        try {
            if (transport == null || !transport.isConnected()) {
                closeQuietly();
                transport = session.getTransport();
                transport.connect(target.host(), target.port(), target.user(), target.password());
            }
        } catch (MessagingException | RuntimeException e) {
            closeQuietly();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SendResult send(StockEvent event) {
        MimeMessage message;
        try {
            message = message(event);
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return new SendResult.Failed(false, "could not format the alert (" + e.getClass().getSimpleName() + ")");
        }
        return deliver(message);
    }

    /** The notice as a plain-text and HTML mail titled "⚠️ Alimi: …" (after the configured subject prefix). */
    @Override
    public SendResult sendNotice(Notice notice) {
        MimeMessage message;
        try {
            message = envelope();
            String subject = target.subject() != null ? target.subject() + " " + notice.title() : notice.title();
            message.setSubject(MessageText.truncate(subject.replaceAll("[\\r\\n\\t]+", " "), 200),
                    StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(notice.at()));
            String plain = notice.title() + "\n\n" + notice.text() + "\n";
            String html = "<p><b>" + TextEscape.html(notice.title()) + "</b></p><p>"
                    + TextEscape.html(notice.text()).replace("\n", "<br>") + "</p>";
            body(message, plain, html);
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return new SendResult.Failed(false, "could not format the notice (" + e.getClass().getSimpleName() + ")");
        }
        return deliver(message);
    }

    private SendResult deliver(MimeMessage message) {
        lock.lock();
        try {
            if (transport == null || !transport.isConnected()) {
                closeQuietly();
                transport = session.getTransport();
                transport.connect(target.host(), target.port(), target.user(), target.password());
            }
            transport.sendMessage(message, message.getAllRecipients());
            return new SendResult.Sent(message.getMessageID());
        } catch (MessagingException e) {
            closeQuietly();
            return failure(e);
        } finally {
            lock.unlock();
        }
    }

    MimeMessage message(StockEvent event) throws MessagingException, UnsupportedEncodingException {
        MessageText m = MessageText.of(event);
        MimeMessage message = envelope();
        String subject = switch (m.kind()) {
            case RESTOCKED -> "Back in stock: " + m.name();
            case SOLD_OUT, CHANGED -> m.name() + " " + m.headline();
        };
        if (target.subject() != null) {
            subject = target.subject() + " " + subject;
        }
        message.setSubject(MessageText.truncate(subject.replaceAll("[\\r\\n\\t]+", " "), 200),
                StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(m.observedAt()));
        String plain = template != null ? template.render(event, s -> s, s -> s) : plain(m);
        String html = template != null ? "<p>" + template.render(event, TextEscape::html, TextEscape::html)
                .replace("\n", "<br>") + "</p>" : html(m);
        body(message, plain, html);
        return message;
    }

    /** A message with sender and recipients set. */
    private MimeMessage envelope() throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(target.fromName() == null ? new InternetAddress(target.from())
                : new InternetAddress(target.from(), target.fromName(), StandardCharsets.UTF_8.name()));
        message.setRecipients(Message.RecipientType.TO, addresses(target.to()));
        if (!target.cc().isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, addresses(target.cc()));
        }
        if (!target.bcc().isEmpty()) {
            message.setRecipients(Message.RecipientType.BCC, addresses(target.bcc()));
        }
        return message;
    }

    /** Plain text and HTML as alternatives. */
    private static void body(MimeMessage message, String plain, String html) throws MessagingException {
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(plain, StandardCharsets.UTF_8.name());
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);
        message.saveChanges();
    }

    private static Address[] addresses(List<String> list) throws MessagingException {
        List<Address> out = new ArrayList<>();
        for (String a : list) {
            out.add(new InternetAddress(a, true));
        }
        return out.toArray(Address[]::new);
    }

    private static String plain(MessageText m) {
        StringBuilder sb = new StringBuilder(m.summary()).append('\n');
        if (m.link() != null) {
            sb.append('\n').append(m.link()).append('\n');
        }
        return sb.toString();
    }

    private static String html(MessageText m) {
        StringBuilder sb = new StringBuilder("<p><b>");
        if (m.link() != null) {
            sb.append("<a href=\"").append(TextEscape.html(m.link())).append("\">")
                    .append(TextEscape.html(m.name())).append("</a>");
        } else {
            sb.append(TextEscape.html(m.name()));
        }
        sb.append("</b> ").append(TextEscape.html(m.headline())).append("</p><ul>");
        if (m.buyable() && m.price() != null) {
            sb.append("<li>Price: ").append(TextEscape.html(m.price())).append("</li>");
        }
        if (m.buyable() && m.quantity() != null) {
            sb.append("<li>Stock: ").append(TextEscape.html(m.quantity())).append("</li>");
        }
        if (m.site() != null) {
            sb.append("<li>Shop: ").append(TextEscape.html(m.site())).append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    private SendResult failure(MessagingException e) {
        int code = switch (e) {
            case SMTPSendFailedException s -> s.getReturnCode();
            case SMTPAddressFailedException s -> s.getReturnCode();
            default -> e.getNextException() instanceof SMTPAddressFailedException s ? s.getReturnCode() : -1;
        };
        if (e instanceof AuthenticationFailedException) {
            return new SendResult.Failed(false, "SMTP login refused by " + target.host());
        }
        if (code >= 400 && code < 500) {
            return new SendResult.Failed(true, "SMTP " + code + " (try again later) from " + target.host());
        }
        if (code >= 500) {
            return new SendResult.Failed(false, "SMTP " + code + " (refused) from " + target.host());
        }
        boolean network = e.getCause() instanceof IOException || e.getNextException() instanceof IOException
                || e.getClass().getSimpleName().equals("MailConnectException");
        return new SendResult.Failed(true, (network ? "could not talk to SMTP server " : "SMTP error with ")
                + target.host() + ":" + target.port() + " (" + e.getClass().getSimpleName() + ")");
    }

    private void closeQuietly() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is being dropped anyway
            }
            transport = null;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeQuietly();
        } finally {
            lock.unlock();
        }
    }
}
