package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.ChannelSpec;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The URL forms people already hold (Apprise, Shoutrrr, the services' own URLs, the long form): each is
 * accepted, lands on its channel type, and prints masked; wrong forms say what was expected.
 */
class ChannelUrlFormsTest {

    private final ChannelRegistry registry = ChannelRegistry.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            tgram://123456789:AAHsecretTOKEN_abc/-1001234567890                  | -        | tgram://123456789:***/-1001234567890
            tgram://bot123456789:AAHsecretTOKEN_abc/@mychannel:42?silent=yes     | -        | tgram://123456789:***/@mychannel
            telegram://123456789:AAHsecretTOKEN_abc@telegram?chats=-100123       | -        | telegram://123456789:***@telegram?chats=-100123
            https://api.telegram.org/bot123456789:AAHsecretTOKEN_abc/sendMessage?chat_id=42 | - | https://api.telegram.org/bot123456789:***/sendMessage?chat_id=42
            ntfys://ntfy.sh/alimi-masks                                          | -        | ntfys://ntfy.sh/ali***
            ntfy://alimi-masks                                                   | -        | ntfys://ntfy.sh/ali***
            ntfy://me:secretpw@ntfy.example.com/restocks?priority=high&tags=cart | -        | ntfys://me:***@ntfy.example.com/restocks
            ntfy://tk_secrettoken@ntfy.example.com:8080/restocks?scheme=http     | -        | ntfy://***@ntfy.example.com:8080/restocks
            https://ntfy.sh/alimi-masks                                          | -        | ntfys://ntfy.sh/ali***
            http://10.0.0.2:8080/restocks                                        | ntfy     | ntfy://10.0.0.2:8080/restocks
            jsons://hooks.example.com/alimi/secretpath?+X-Api-Key=secretkey      | -        | jsons://hooks.example.com/alimi/***
            json://user:secretpw@10.0.0.5:8080/hook                              | -        | json://user:***@10.0.0.5:8080/hook
            generic+https://hooks.example.com/alimi/secretpath?token=secretq     | -        | generic+https://hooks.example.com/alimi/***
            generic://hooks.example.com/in?@Authorization=secretauth             | -        | generic://hooks.example.com/in
            https://hooks.example.com/alimi/secretpath                           | webhook  | https://hooks.example.com/alimi/***
            pover://uQiRzpo4DXghDmr9QzzfQu27cmVRsG@azGDORePK8gMaC0QOYAMyEEuzJnyUi | -       | pover://uQi***@azG***
            pover://uQiRzpo4DXghDmr9QzzfQu27cmVRsG@azGDORePK8gMaC0QOYAMyEEuzJnyUi/phone?priority=emergency | - | pover://uQi***@azG***/phone
            pushover://shoutrrr:azGDORePK8gMaC0QOYAMyEEuzJnyUi@uQiRzpo4DXghDmr9QzzfQu27cmVRsG/?devices=a,b | - | pushover://shoutrrr:azG***@uQi***/a/b
            gotifys://push.example.com/AqNAxk2Tsecret                            | -        | gotifys://push.example.com/Aq***
            gotify://push.example.com:8080/sub/AqNAxk2Tsecret?disabletls=yes     | -        | gotify://push.example.com:8080/sub/Aq***
            https://push.example.com/message?token=AqNAxk2Tsecret                | gotify   | gotifys://push.example.com/Aq***
            workflows://prod-00.westus.logic.azure.com/abc123workflow/sigSECRETvalue | -    | workflows://prod-00.westus.logic.azure.com/***
            https://prod-00.westus.logic.azure.com:443/workflows/abc123workflow/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=sigSECRETvalue | - | https://prod-00.westus.logic.azure.com:443/***
            teams://?host=https%3A%2F%2Fprod-00.westus.logic.azure.com%2Fworkflows%2Fabc123workflow%2Ftriggers%2Fmanual%2Fpaths%2Finvoke%3Fsig%3DsigSECRETvalue | - | https://prod-00.westus.logic.azure.com/***
            discord://112233445566778899/tokSECRET_abc                           | -        | discord://112233445566778899/***
            discord://tokSECRET_abc@112233445566778899                           | -        | discord://112233445566778899/***
            slack://hook:T000-B000-XXXXsecret@webhook                            | -        | slack://T000/***
            slack://xoxb-1234-5678-SECRETbot/#alerts                             | -        | slack://xoxb-***/#alerts
            slack://xoxb:1234-5678-SECRETbot@C0123ABCD                           | -        | slack://xoxb-***/C0123ABCD
            mailtos://me:secretpw@gmail.com/you@example.org                      | -        | mailtos://me:***@gmail.com/you@example.org
            mqtts://ha:secretpw@broker.lan:8883/alimi                            | -        | mqtts://ha:***@broker.lan:8883/alimi
            """)
    void acceptedAndShownMasked(String url, String type, String shown) {
        ChannelSpec spec = new ChannelSpec("c", url, type, null, Map.of());
        assertThat(registry.problem(spec)).as(url).isEmpty();
        String redacted = registry.redact(spec);
        assertThat(redacted).isEqualTo(shown);
        for (String secret : new String[] {"secret", "SECRET", "AAHsecret", "DXghDmr9", "K8gMaC0Q"}) {
            assertThat(redacted).doesNotContain(secret);
        }
    }

    /** Every channel of DESIGN.md's example config passes validation. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            slack://T000/B000/XXXX                            | -       | -
            https://discord.com/api/webhooks/1234/abcd        | -       | -
            ntfys://ntfy.sh/alimi-masks                       | -       | -
            http://127.0.0.1:9000/api/webhooks/1/abc          | discord | -
            tgram://123456:ABCDEF/987654                      | -       | http://127.0.0.1:9000
            """)
    void theDesignExamplesAreValid(String url, String type, String baseUrl) {
        ChannelSpec spec = new ChannelSpec("c", url, type, baseUrl == null ? null : java.net.URI.create(baseUrl),
                Map.of());
        assertThat(registry.problem(spec)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            tgram://123456789:AAHsecretTOKEN_abc                                 | -       | names no chat; expected tgram://123456789:TOKEN/CHAT_ID
            tgram://123456789:AAHsecretTOKEN_abc/1/2                             | -       | give one channel per chat
            tgram://notatoken/-100123                                            | -       | bot token must look like 123456789:AAbb
            tgram://123456789:AAHsecretTOKEN_abc/chat!                           | -       | chat must be a number like -1001234567890 or @channelname
            telegram://123456789:AAHsecretTOKEN_abc@api?chats=1                  | -       | Shoutrrr Telegram URL must be telegram://123456789:TOKEN@telegram?chats=CHAT_ID
            ntfy://ntfy.example.com                                              | -       | names no topic
            ntfy://ntfy.example.com/a/b                                          | -       | give one channel per topic
            ntfys://ntfy.sh/bad.topic                                            | -       | topic may hold only letters
            ntfys://ntfy.sh/t?priority=9                                         | -       | priority must be 1-5
            https://push.example.com/t                                           | -       | no channel type recognises https URLs on host 'push.example.com'
            json://                                                              | -       | webhook URL has no host
            jsons://h.example.com/x?method=GET                                   | -       | method must be POST
            pover://short@alsoshort                                              | -       | user key and app token are 30 letters and digits
            pover://uQiRzpo4DXghDmr9QzzfQu27cmVRsG@azGDORePK8gMaC0QOYAMyEEuzJnyUi?priority=9 | - | priority must be -2…2
            gotifys://push.example.com                                           | -       | names no app token
            https://push.example.com/other?token=x                               | gotify  | must be https://HOST/message?token=APP_TOKEN
            workflows://host.example.com/only-one                                | -       | workflows://HOST/WORKFLOW_ID/SIGNATURE
            https://outlook.webhook.office.com/webhookb2/x/IncomingWebhook/y/z   | -       | retired
            msteams://a/b/c                                                      | -       | retired
            teams://group@tenant/alt/owner?host=org.webhook.office.com           | -       | teams://?host=<the full workflow URL>
            https://prod-00.westus.logic.azure.com/workflows/abc                 | -       | no sig= parameter
            discord://onlyid                                                     | -       | needs a webhook id and token
            slack://xoxb-1234-5678-SECRETbot                                     | -       | names no channel
            slack://xoxb:@C0123                                                  | -       | bot token must look like xoxb-
            """)
    void badFormsSayWhatIsExpected(String url, String type, String message) {
        ChannelSpec spec = new ChannelSpec("c", url, type, null, Map.of());
        assertThat(registry.problem(spec)).as(url).hasValueSatisfying(
                p -> assertThat(p).contains(message).doesNotContain("AAHsecret").doesNotContain("DXghDmr9"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            webhook  | https://hooks.example.com/x | whsec_dG9vc2hvcnQ=  | 24-64 random bytes
            webhook  | https://hooks.example.com/x | secret-without-prefix | whsec_
            """)
    void badWebhookSecretsAreExplainedWithoutShowingThem(String type, String url, String secret, String message) {
        ChannelSpec spec = new ChannelSpec("c", url, type, null, Map.of("secret", secret));
        assertThat(registry.problem(spec)).hasValueSatisfying(
                p -> assertThat(p).contains(message).doesNotContain(secret));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Hi {name} {bogus}     | unknown token {bogus}; known: {name}, {site}, {url}
            '   '                 | template is empty
            """)
    void badTemplatesAreRefusedAtValidation(String template, String message) {
        ChannelSpec spec = new ChannelSpec("c", "ntfys://ntfy.sh/alimi", null, null, Map.of("template", template));
        assertThat(registry.problem(spec)).hasValueSatisfying(p -> assertThat(p).contains(message));
    }
}
