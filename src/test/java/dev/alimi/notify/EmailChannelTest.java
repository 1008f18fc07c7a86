package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.alimi.model.ChannelSpec;
import dev.alimi.model.Delivery;
import dev.alimi.model.Notice;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The email channel's contract against GreenMail, an SMTP server in this JVM on a free loopback port. */
class EmailChannelTest {

    private static final String PASSWORD = "s3cret-Mail-pw";
    private final Clock clock = Clock.systemUTC();
    private final ChannelContext context = new ChannelContext(HttpClient.newHttpClient(),
            new PrintStream(new ByteArrayOutputStream()), clock, Duration.ofSeconds(5));
    private final ChannelRegistry registry = ChannelRegistry.standard();
    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtp.setUser("alerts@example.com", "alerts", PASSWORD);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private ChannelSpec spec(String password) {
        return ChannelSpec.of("mail", "mailto://alerts:" + password + "@example.com:" + smtp.getSmtp().getPort()
                + "/me@example.net?smtp=127.0.0.1&mode=insecure&name=Alimi");
    }

    private Delivery dispatch(Channel channel, String product) {
        return new Dispatcher(Map.of("mail", channel), clock, Duration.ofSeconds(3),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 2.0))
                .dispatch(TestEvents.restocked(product, clock.instant()), List.of("mail")).get(0);
    }

    @Test
    void aNoticeArrivesTitledWithItsTextEscapedInHtmlAndNoLink() throws Exception {
        Channel channel = registry.create(spec(PASSWORD), context);
        Notice notice = new Notice(Notice.Kind.WATCH_FAILING, ContractNames.HOSTILE, "Last: " + ContractNames.HOSTILE,
                false, clock.instant());

        Delivery d = new Dispatcher(Map.of("mail", channel), clock, Duration.ofSeconds(3), Backoff.DEFAULT)
                .notice(notice, List.of("mail")).get(0);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("⚠️ Alimi: watch failing: " + ContractNames.HOSTILE);
        Multipart parts = (Multipart) m.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("Last: " + ContractNames.HOSTILE).doesNotContain("http");
        assertThat(html).contains("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;").doesNotContain("<b>Tom").doesNotContain("<a ");
        assertThat(d.messageId()).isEqualTo(m.getMessageID());
    }

    @Test
    void anAlertArrivesAsTextAndHtmlWithTheLinkAndItsMessageIdIsKept() throws Exception {
        Channel channel = registry.create(spec(PASSWORD), context);

        Delivery d = dispatch(channel, ContractNames.HOSTILE);

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.SENT);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Back in stock: " + ContractNames.HOSTILE);
        assertThat(m.getFrom()[0].toString()).contains("Alimi").contains("alerts@example.com");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("me@example.net");
        assertThat(d.messageId()).isEqualTo(m.getMessageID());
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains(ContractNames.HOSTILE).contains(TestEvents.LINK).contains("€49.99");
        assertThat(html).contains("<a href=\"" + TestEvents.LINK + "\">")
                .contains("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;").doesNotContain("<b>Tom");
        channel.send(TestEvents.restocked("Second", clock.instant()));
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        ((AutoCloseable) channel).close();
    }

    @Test
    void aRefusedLoginIsFinalAndNeverShowsThePassword() {
        Channel channel = registry.create(spec("wrong-password"), context);

        Delivery d = dispatch(channel, "Widget Pro");

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.detail()).contains("login refused").doesNotContain("wrong-password");
        assertThat(registry.redact(spec("wrong-password"))).doesNotContain("wrong-password").contains("alerts:***@");
    }

    @Test
    void aChangeArrivesWithWhatChangedInTheSubjectAndTheCurrentFacts() throws Exception {
        Channel channel = registry.create(spec(PASSWORD), context);

        assertThat(channel.send(TestEvents.changed("Widget Pro", clock.instant()))).isInstanceOf(SendResult.Sent.class);

        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Widget Pro is still in stock: " + TestEvents.CHANGE_TEXT);
        Multipart parts = (Multipart) m.getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("<li>Price: €59.99</li>").contains("<li>Stock: 3</li>").doesNotContain("sold out");
    }

    @Test
    void aServerThatIsDownIsRetriedUntilItComesBackWithinTheTtl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Channel channel = registry.create(ChannelSpec.of("mail",
                "mailto://alerts:" + PASSWORD + "@example.com:" + port + "/me@example.net?smtp=127.0.0.1&mode=insecure"),
                context);

        Delivery d = dispatch(channel, "Widget Pro");

        assertThat(d.outcome()).isEqualTo(Delivery.Outcome.EXPIRED);
        assertThat(d.attempts()).isGreaterThan(1);
    }

    /** SMTP 4xx means "try later": retried; 5xx means refused: final. */
    @Test
    void transientRepliesAreRetriedAndPermanentOnesAreFinal() throws Exception {
        try (FakeSmtp fake = new FakeSmtp()) {
            Channel channel = registry.create(ChannelSpec.of("mail", "mailto://127.0.0.1:" + fake.port()
                    + "/me@example.net?from=alerts@example.com&mode=insecure"), context);
            fake.replyNext("451 4.3.0 try again later");

            Delivery retried = dispatch(channel, "Widget Pro");

            assertThat(retried.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(retried.attempts()).isEqualTo(2);
            assertThat(fake.accepted()).isEqualTo(1);

            fake.replyNext("554 5.7.1 message refused");
            Delivery refused = dispatch(channel, "Widget Pro");

            assertThat(refused.outcome()).isEqualTo(Delivery.Outcome.FAILED);
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.detail()).contains("SMTP 554");
            assertThat(fake.messages()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mailtos://me:pw@gmail.com/you@example.org                          | mailtos://me:***@gmail.com/you@example.org
            mailto://me:pw@example.com:2525/?smtp=mail.example.com&to=a@b.org   | mailto://me:***@example.com:2525/a@b.org
            smtp://me:pw@smtp.example.com:587/?fromaddress=me@example.com&toaddresses=a@b.org,c@d.org | smtp://me:***@smtp.example.com:587/a@b.org/c@d.org
            """)
    void appriseAndShoutrrrFormsAreAcceptedAndShownMasked(String url, String shown) {
        ChannelSpec spec = ChannelSpec.of("mail", url);
        assertThat(registry.problem(spec)).isEmpty();
        assertThat(registry.redact(spec)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mailto://example.com/you@example.org                 | sender address
            mailto://me:pw@example.com/not-an-address            | recipient is not an address
            mailto://me:pw@example.com/a@b.org?mode=tls          | mode must be starttls, ssl or insecure
            smtp://me:pw@smtp.example.com:99999/?fromaddress=a@b.c | port must be 1-65535
            smtp://me:pw@smtp.example.com/?fromaddress=a@b.c&encryption=maybe | encryption must be Auto
            """)
    void badFormsSayWhatIsExpected(String url, String message) {
        assertThat(registry.problem(ChannelSpec.of("mail", url))).hasValueSatisfying(
                p -> assertThat(p).contains(message).doesNotContain(":pw"));
    }
}
