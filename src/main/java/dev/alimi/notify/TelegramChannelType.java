package dev.alimi.notify;

import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram bots. Accepts {@code tgram://TOKEN/CHAT} (Apprise; chat {@code -100…}, {@code 12345} or
 * {@code @name}, optionally {@code :topic}), {@code telegram://TOKEN@telegram?chats=CHAT} (Shoutrrr),
 * {@code https://api.telegram.org/botTOKEN/sendMessage?chat_id=CHAT}, and the long form with {@code base-url}
 * or {@code type: telegram}. One chat per channel, so that a retry never posts twice to the other chats.
 */
final class TelegramChannelType extends ParsedChannelType<TelegramChannelType.Target> {

    static final String HOST = "api.telegram.org";
    private static final Pattern TOKEN = Pattern.compile("(?:bot)?([0-9]{1,20}):([A-Za-z0-9_-]{1,100})");
    private static final Pattern CHAT = Pattern.compile("(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,64})(?::([0-9]{1,20}))?");
    static final String FORMS = "tgram://123456789:TOKEN/CHAT_ID or telegram://123456789:TOKEN@telegram?chats=CHAT_ID";

    /** Where to post, the bot id (shown), the token (never shown), the chat, its topic (or null) and options. */
    record Target(URI endpoint, String botId, String token, String chat, Long topic, boolean silent,
            boolean preview) {}

    @Override
    public String type() {
        return "telegram";
    }

    @Override
    public boolean accepts(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("tgram") || scheme.equals("telegram")
                || (scheme.equals("https") && HOST.equalsIgnoreCase(url.getHost()));
    }

    @Override
    Channel create(ChannelSpec spec, Target t, ChannelContext context) {
        return new TelegramChannel(spec.name(), t, MessageTemplate.of(spec).orElse(null), context);
    }

    @Override
    String redact(ChannelSpec spec, Target t) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        return switch (url.scheme()) {
            case "tgram" -> "tgram://" + t.botId() + ":***/" + t.chat();
            case "telegram" -> "telegram://" + t.botId() + ":***@telegram?chats=" + t.chat();
            default -> url.origin() + "/bot" + t.botId() + ":***/sendMessage?chat_id=" + t.chat();
        };
    }

    @Override
    Target target(ChannelSpec spec) {
        ChannelUrl url = ChannelUrl.parse(spec.url());
        String token;
        List<String> chats;
        URI base;
        switch (url.scheme()) {
            case "tgram" -> {
                token = url.host();
                chats = url.segments();
                base = URI.create("https://" + HOST);
            }
            case "telegram" -> {
                if (url.userInfo() == null || !url.host().equalsIgnoreCase("telegram")) {
                    throw new IllegalArgumentException("Shoutrrr Telegram URL must be " + FORMS.split(" or ")[1]);
                }
                token = url.userInfo();
                String list = url.query().getOrDefault("chats", "");
                chats = list.isBlank() ? List.of() : List.of(list.split(","));
                base = URI.create("https://" + HOST);
            }
            case "http", "https" -> {
                if (!longForm(spec) && !HOST.equals(url.hostName())) {
                    throw new IllegalArgumentException("a Telegram Bot API URL is on " + HOST
                            + "; for another host give the long form with type: telegram");
                }
                List<String> seg = url.segments();
                if (seg.size() != 2 || !seg.get(0).startsWith("bot") || !seg.get(1).equalsIgnoreCase("sendMessage")) {
                    throw new IllegalArgumentException("Telegram URL must look like https://" + HOST
                            + "/botTOKEN/sendMessage?chat_id=CHAT_ID; or use " + FORMS);
                }
                token = seg.get(0);
                String chat = url.query().get("chat_id");
                chats = chat == null ? List.of() : List.of(chat);
                base = URI.create(url.origin());
            }
            default -> throw new IllegalArgumentException(
                    "a telegram channel takes " + FORMS + ", not a " + url.scheme() + ":// URL");
        }
        Matcher tm = TOKEN.matcher(token == null ? "" : token);
        if (!tm.matches()) {
            throw new IllegalArgumentException("Telegram bot token must look like 123456789:AAbb… (from @BotFather); "
                    + "expected " + FORMS);
        }
        if (chats.size() != 1) {
            throw new IllegalArgumentException(chats.isEmpty()
                    ? "Telegram URL names no chat; expected " + FORMS
                    : "Telegram URL names " + chats.size() + " chats; give one channel per chat");
        }
        Matcher cm = CHAT.matcher(chats.get(0).strip());
        if (!cm.matches()) {
            throw new IllegalArgumentException("Telegram chat must be a number like -1001234567890 or @channelname, "
                    + "optionally :topic");
        }
        String topicOption = option(spec, url, "topic", "thread");
        String topic = cm.group(2) != null ? cm.group(2) : topicOption;
        if (topic != null && !topic.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("Telegram topic must be a number");
        }
        boolean silent = yes(option(spec, url, "silent")) || "no".equalsIgnoreCase(option(spec, url, "notification"));
        boolean preview = yes(option(spec, url, "preview"));
        URI endpoint = ChannelUrl.rebase(
                URI.create(base + "/bot" + tm.group(1) + ":" + tm.group(2) + "/sendMessage"), spec.baseUrl());
        return new Target(endpoint, tm.group(1), tm.group(2), cm.group(1), topic == null ? null : Long.valueOf(topic),
                silent, preview);
    }
}
