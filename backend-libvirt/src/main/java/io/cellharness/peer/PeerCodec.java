package io.cellharness.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellharness.core.port.PeerMessage;
import java.util.Map;
import java.util.TreeMap;

/**
 * Peer messages as JSON: {@code {"from":"cube1","type":"Heartbeat","message":{...}}}, the message's record
 * components as fields. Unknown types, unknown fields and missing fields are refused with one line saying which.
 */
public final class PeerCodec {

    /** A decoded envelope. */
    public record Envelope(String from, PeerMessage message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    private static final Map<String, Class<? extends PeerMessage>> TYPES = new TreeMap<>();

    static {
        for (Class<?> type : PeerMessage.class.getPermittedSubclasses()) {
            TYPES.put(type.getSimpleName(), type.asSubclass(PeerMessage.class));
        }
    }

    private PeerCodec() {
    }

    public static byte[] encode(String from, PeerMessage message) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("from", from);
        envelope.put("type", message.getClass().getSimpleName());
        envelope.set("message", JSON.valueToTree(message));
        try {
            return JSON.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws IllegalArgumentException one line saying what is wrong with the body
     */
    public static Envelope decode(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException malformed) {
            throw new IllegalArgumentException("the body is not JSON: " + firstLine(malformed.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        String from = text(root, "from");
        String typeName = text(root, "type");
        Class<? extends PeerMessage> type = TYPES.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("unknown message type '" + typeName + "'; known: " + TYPES.keySet());
        }
        JsonNode message = root.get("message");
        if (message == null || !message.isObject()) {
            throw new IllegalArgumentException("field 'message' must be a JSON object");
        }
        try {
            return new Envelope(from, JSON.treeToValue(message, type));
        } catch (JsonProcessingException | RuntimeException bad) {
            throw new IllegalArgumentException(typeName + ": " + firstLine(bad.getMessage()));
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string");
        }
        return node.asText();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
