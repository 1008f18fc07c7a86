package dev.alimi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alimi.model.ChannelSpec;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A fake Telegram Bot API on loopback. {@code POST /bot<token>/sendMessage} with JSON: 401 for another token,
 * 400 "chat not found" without a chat, 400 "can't parse entities" for HTML it could not parse (a raw
 * {@code <} or {@code &} outside the tags Telegram knows), else {@code {"ok":true,"result":{"message_id":N}}}.
 */
public final class FakeTelegram extends FakeReceiver {

    public static final String TOKEN = "123456789:AAHsecretTOKENvalue_x-y";
    public static final String CHAT = "-1001234567890";
    public static final long FIRST_MESSAGE_ID = 4711;
    /** The 429 Telegram's server sends, {@code parameters.retry_after} in whole seconds, here without the header. */
    public static final String RATE_LIMITED =
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                    + "\"parameters\":{\"retry_after\":1}}";

    private static final Pattern TAGS = Pattern.compile("</?(b|i|u|s|code|pre)>|<a href=\"[^\"<>]*\">|</a>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7});");
    private final AtomicLong nextId = new AtomicLong(FIRST_MESSAGE_ID);

    /** A channel to {@code chat} on the receiver at {@code baseUrl}. */
    public static ChannelSpec spec(String name, String chat, URI baseUrl) {
        return new ChannelSpec(name, "tgram://" + TOKEN + "/" + chat, null, baseUrl, Map.of());
    }

    private final Map<Long, String> texts = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected Reply defaultReply(Request request) {
        if (request.path().equals("/bot" + TOKEN + "/editMessageText")) {
            return edit(FakeJson.read(request.body()));
        }
        if (!request.path().equals("/bot" + TOKEN + "/sendMessage")) {
            return error(request.path().endsWith("/sendMessage") ? 401 : 404,
                    request.path().endsWith("/sendMessage") ? "Unauthorized" : "Not Found");
        }
        JsonNode body = FakeJson.isJson(request) ? FakeJson.read(request.body()) : null;
        if (body == null) {
            return error(400, "Bad Request: message text is empty");
        }
        if (!body.hasNonNull("chat_id")) {
            return error(400, "Bad Request: chat not found");
        }
        String text = body.path("text").asText("");
        if (text.isEmpty() || text.length() > 4096) {
            return error(400, "Bad Request: message text is empty or too long");
        }
        if (body.path("parse_mode").asText("").equals("HTML")) {
            String stripped = ENTITY.matcher(TAGS.matcher(text).replaceAll("")).replaceAll("");
            if (stripped.contains("<") || stripped.contains("&")) {
                return error(400, "Bad Request: can't parse entities: unsupported start tag");
            }
        }
        long id = nextId.getAndIncrement();
        texts.put(id, text);
        ObjectNode ok = FakeJson.MAPPER.createObjectNode().put("ok", true);
        ObjectNode result = ok.putObject("result");
        result.put("message_id", id);
        result.putObject("chat").set("id", body.get("chat_id"));
        result.put("date", 1_790_000_000L);
        result.put("text", text);
        return Reply.of(200, Map.of("Content-Type", "application/json"), ok.toString());
    }

    /** editMessageText: unknown ids are "message to edit not found", the same text is "message is not modified". */
    private Reply edit(JsonNode body) {
        if (body == null || !body.path("message_id").canConvertToLong()) {
            return error(400, "Bad Request: message identifier is not specified");
        }
        long id = body.path("message_id").asLong();
        String before = texts.get(id);
        if (before == null) {
            return error(400, "Bad Request: message to edit not found");
        }
        String text = body.path("text").asText("");
        if (text.equals(before)) {
            return error(400, "Bad Request: message is not modified: specified new message content and reply markup "
                    + "are exactly the same as a current content and reply markup of the message");
        }
        texts.put(id, text);
        return Reply.of(200, Map.of("Content-Type", "application/json"),
                "{\"ok\":true,\"result\":{\"message_id\":" + id + ",\"date\":1790000000}}");
    }

    private static Reply error(int code, String description) {
        return Reply.of(code, Map.of("Content-Type", "application/json"),
                "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}");
    }

    /** The Apprise form with {@code base-url} set to this receiver. */
    @Override
    public ChannelSpec spec(String name) {
        return new ChannelSpec(name, "tgram://" + TOKEN + "/" + CHAT, null, baseUrl(), Map.of());
    }

    /** The raw Bot API URL on this receiver. */
    public URI apiUrl() {
        return URI.create(baseUrl() + "/bot" + TOKEN + "/sendMessage?chat_id=" + CHAT);
    }
}
