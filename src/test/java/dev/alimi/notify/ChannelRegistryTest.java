package dev.alimi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing a channel type from a spec, and the messages when none fits. */
class ChannelRegistryTest {

    private final ChannelRegistry registry = ChannelRegistry.standard();

    @Test
    void knowsTheStandardTypes() {
        assertThat(registry.types()).containsExactly("console", "discord", "email", "gotify", "mqtt", "ntfy", "pushover",
                "slack", "teams", "telegram", "webhook");
    }

    @Test
    void unknownSchemeNamesTheKnownOnes() {
        assertThat(registry.problem(ChannelSpec.of("x", "foo://bar/baz")))
                .contains("unknown channel URL scheme 'foo'; known: console, discord, email, gotify, mqtt, ntfy, pushover, "
                        + "slack, teams, telegram, webhook");
        assertThat(registry.redact(ChannelSpec.of("x", "foo://bar/secret"))).isEqualTo("foo://***");
    }

    @Test
    void unknownTypeNamesTheKnownOnes() {
        assertThat(registry.problem(new ChannelSpec("x", "http://127.0.0.1:9/x", "telegramm", null, Map.of())))
                .contains("unknown channel type 'telegramm'; known: console, discord, email, gotify, mqtt, ntfy, pushover, "
                        + "slack, teams, telegram, webhook");
    }

    @Test
    void emptyOrBrokenUrlsAreExplainedWithoutEchoingThem() {
        assertThat(registry.problem(ChannelSpec.of("x", ""))).contains("channel URL is empty");
        assertThat(registry.problem(ChannelSpec.of("x", null))).contains("channel URL is empty");
        assertThat(registry.problem(ChannelSpec.of("x", "no scheme here"))).hasValueSatisfying(
                p -> assertThat(p).contains("no scheme"));
        assertThat(registry.problem(ChannelSpec.of("x", "slack://T0/B0/se cret"))).hasValueSatisfying(
                p -> assertThat(p).contains("not a valid slack:// URL").doesNotContain("cret"));
    }

    @Test
    void anHttpsUrlOnAnUnknownHostAsksForTheLongForm() {
        assertThat(registry.problem(ChannelSpec.of("x", "https://chat.example/hook/secret"))).hasValueSatisfying(
                p -> assertThat(p).contains("host 'chat.example'").contains("long form").doesNotContain("secret"));
    }

    @Test
    void typeAndUrlMustAgree() {
        assertThat(registry.problem(new ChannelSpec("x", "slack://T/B/C", "discord", null, Map.of())))
                .hasValueSatisfying(p -> assertThat(p).contains("discord").contains("not a slack:// URL"));
    }

    @Test
    void baseUrlMustBeHttp() {
        assertThat(registry.problem(new ChannelSpec("x", "slack://T/B/C", null, URI.create("ftp://h"), Map.of())))
                .contains("base-url must be an http:// or https:// URL with a host");
    }

    @Test
    void createRefusesWhatProblemReports() {
        ChannelContext context = ChannelContext.standard(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        assertThatThrownBy(() -> registry.create(ChannelSpec.of("x", "foo://bar"), context))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown channel URL scheme 'foo'");
        assertThat(registry.create(ChannelSpec.of("x", "console://"), context).name()).isEqualTo("x");
    }

    @Test
    void typeNamesMustBeUnique() {
        assertThatThrownBy(() -> new ChannelRegistry(List.of(new SlackChannelType(), new SlackChannelType())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'slack'");
    }

    @Test
    void retryAfterHeaderForms() {
        Clock clock = Clock.fixed(Instant.parse("2026-08-21T10:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfterHeader.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfterHeader.parse("1.5", clock)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfterHeader.parse("Fri, 21 Aug 2026 10:01:00 GMT", clock)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfterHeader.parse("Fri, 21 Aug 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfterHeader.parse("soon", clock)).isEmpty();
        assertThat(RetryAfterHeader.parse("-5", clock)).isEmpty();
    }
}
