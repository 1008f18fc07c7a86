package dev.alimi.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** JSON reading for fake receivers and tests: a request body that is not JSON reads as null. */
final class FakeJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeJson() {}

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isJson(FakeReceiver.Request request) {
        String type = request.header("Content-Type");
        return type != null && type.startsWith("application/json") && read(request.body()) != null;
    }
}
