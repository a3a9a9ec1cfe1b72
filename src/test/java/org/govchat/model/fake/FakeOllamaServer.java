package org.govchat.model.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Speaks Ollama's native {@code POST /api/chat} as NDJSON: one JSON object per line,
 * {@code {"model","created_at","message":{"role":"assistant","content":"…"},"done":false}} per token
 * (reasoning in {@code message.thinking}), and a last line with {@code "done":true}, {@code done_reason},
 * durations, {@code prompt_eval_count} and {@code eval_count}. Errors before generation are
 * {@code {"error":"…"}} with the HTTP status; an error during generation is an {@code {"error":"…"}} line
 * and the stream ends. Also {@code GET /api/tags} (what health checks call) and {@code GET /}.
 *
 * <pre>{@code
 * try (var ollama = new FakeOllamaServer()) {
 *     ollama.enqueue(FakeScript.answer("Hi").reasoning("hmm"));
 *     // govchat.backends.default.base-url = ollama.baseUrl()   (http://127.0.0.1:PORT)
 * }
 * }</pre>
 */
public final class FakeOllamaServer extends FakeModelServer {

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    boolean isChatPath(String path) {
        return path.equals("/api/chat");
    }

    @Override
    void answerOther(String method, String path, OutputStream out) throws IOException {
        if (method.equals("GET") && path.equals("/api/tags")) {
            var models = new StringBuilder();
            for (var model : models()) {
                if (!models.isEmpty()) {
                    models.append(',');
                }
                models.append("{\"name\":")
                        .append(json(model))
                        .append(",\"model\":")
                        .append(json(model))
                        .append(",\"modified_at\":\"2026-11-01T10:00:00.000000000Z\",\"size\":4683087332,")
                        .append("\"digest\":\"845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e\",")
                        .append("\"details\":{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"qwen2\",")
                        .append(
                                "\"families\":[\"qwen2\"],\"parameter_size\":\"7.6B\",\"quantization_level\":\"Q4_K_M\"}}");
            }
            respond(out, 200, "application/json; charset=utf-8", "{\"models\":[" + models + "]}");
            return;
        }
        if (method.equals("GET") && path.equals("/")) {
            respond(out, 200, "text/plain; charset=utf-8", "Ollama is running");
            return;
        }
        respond(out, 404, "text/plain", "404 page not found");
    }

    @Override
    RecordedRequest record(String path, Map<String, String> headers, String body, JsonNode json) {
        var messages = new ArrayList<RecordedRequest.Message>();
        for (var message : json.path("messages")) {
            messages.add(new RecordedRequest.Message(
                    message.path("role").asString(), message.path("content").asString(null)));
        }
        var options = json.path("options");
        return new RecordedRequest(
                path,
                json.path("model").asString(null),
                messages,
                options.has("temperature") ? options.get("temperature").asDouble() : null,
                options.has("num_predict") ? options.get("num_predict").asInt() : null,
                json.path("stream").asBoolean(true),
                false,
                headers,
                body);
    }

    @Override
    String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    String errorBody(int status, String message) {
        return "{\"error\":" + json(message == null ? "error" : message) + "}";
    }

    private static String line(Stream stream, String message, String rest) {
        return "{\"model\":" + json(String.valueOf(stream.request.model())) + ",\"created_at\":\"" + Instant.now()
                + "\",\"message\":" + message + rest + "}\n";
    }

    @Override
    void writeStart(Stream stream) {
        // Ollama starts straight with the first token
    }

    @Override
    void writeToken(Stream stream, String token, boolean reasoning) throws IOException {
        var message = reasoning
                ? "{\"role\":\"assistant\",\"content\":\"\",\"thinking\":" + json(token) + "}"
                : "{\"role\":\"assistant\",\"content\":" + json(token) + "}";
        stream.chunk(line(stream, message, ",\"done\":false"));
    }

    @Override
    void writeFinish(Stream stream, String finishReason, int completionTokens) throws IOException {
        stream.chunk(line(
                stream,
                "{\"role\":\"assistant\",\"content\":\"\"}",
                ",\"done_reason\":\"" + finishReason + "\",\"done\":true,\"total_duration\":1200000000,"
                        + "\"load_duration\":20000000,\"prompt_eval_count\":" + stream.promptTokens
                        + ",\"prompt_eval_duration\":100000000,\"eval_count\":" + completionTokens
                        + ",\"eval_duration\":1000000000"));
    }

    @Override
    void writeInStreamError(Stream stream, String message) throws IOException {
        stream.chunk(errorBody(500, message) + "\n");
    }

    @Override
    void writeMalformed(Stream stream) throws IOException {
        stream.chunk("{\"model\":\"broken\",\"message\":{\"content\":\"br\n");
    }
}
