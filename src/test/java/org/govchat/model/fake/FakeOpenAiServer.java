package org.govchat.model.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Speaks {@code POST /v1/chat/completions} with SSE the way llama.cpp's {@code llama-server} does:
 * {@code data: {json}\n\n} events of {@code chat.completion.chunk} objects (id, created, model,
 * system_fingerprint), a first chunk {@code delta: {"role":"assistant","content":null}}, one chunk per
 * token ({@code content}, or {@code reasoning_content} for reasoning), a final chunk with
 * {@code finish_reason} and {@code timings}, a usage chunk ({@code choices: []}) only when the request asks
 * {@code stream_options.include_usage}, then {@code data: [DONE]}. Errors before generation are JSON with
 * the HTTP status; an error during generation is {@code data: {"error":{…}}} and the stream ends without
 * {@code [DONE]}. Also {@code GET /v1/models}.
 *
 * <pre>{@code
 * try (var server = new FakeOpenAiServer()) {
 *     server.enqueue(FakeScript.httpError(500, "boom"), FakeScript.answer("Hi", "!"));
 *     // govchat.backends.gpu.base-url = server.baseUrl()   (http://127.0.0.1:PORT/v1)
 *     ...
 *     assertThat(server.lastRequest().lastUserMessage()).isEqualTo("Hello?");
 * }
 * }</pre>
 */
public final class FakeOpenAiServer extends FakeModelServer {

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    @Override
    boolean isChatPath(String path) {
        return path.equals("/v1/chat/completions");
    }

    @Override
    void answerOther(String method, String path, OutputStream out) throws IOException {
        if (method.equals("GET") && path.equals("/v1/models")) {
            var data = new StringBuilder();
            for (var model : models()) {
                if (!data.isEmpty()) {
                    data.append(',');
                }
                data.append("{\"id\":")
                        .append(json(model))
                        .append(",\"object\":\"model\",\"created\":1764374400,\"owned_by\":\"llamacpp\"}");
            }
            respond(out, 200, "application/json", "{\"object\":\"list\",\"data\":[" + data + "]}");
            return;
        }
        respond(out, 404, "application/json", errorBody(404, "File Not Found"));
    }

    @Override
    RecordedRequest record(String path, Map<String, String> headers, String body, JsonNode json) {
        var messages = new ArrayList<RecordedRequest.Message>();
        for (var message : json.path("messages")) {
            messages.add(new RecordedRequest.Message(
                    message.path("role").asString(), message.path("content").asString(null)));
        }
        var maxTokens = json.has("max_tokens") ? json.get("max_tokens") : json.get("max_completion_tokens");
        return new RecordedRequest(
                path,
                json.path("model").asString(null),
                messages,
                json.has("temperature") ? json.get("temperature").asDouble() : null,
                maxTokens == null || maxTokens.isNull() ? null : maxTokens.asInt(),
                json.path("stream").asBoolean(false),
                json.path("stream_options").path("include_usage").asBoolean(false),
                headers,
                body);
    }

    @Override
    String streamContentType() {
        return "text/event-stream";
    }

    @Override
    String errorBody(int status, String message) {
        var type = status >= 500 ? "server_error" : status == 404 ? "not_found_error" : "invalid_request_error";
        return "{\"error\":{\"code\":" + status + ",\"message\":" + json(message == null ? "error" : message)
                + ",\"type\":\"" + type + "\"}}";
    }

    private static String chunk(Stream stream, String choices, String extra) {
        return "data: {\"choices\":" + choices + ",\"created\":" + stream.created + ",\"id\":\"" + stream.id
                + "\",\"model\":" + json(String.valueOf(stream.request.model()))
                + ",\"system_fingerprint\":\"b7000-fake\",\"object\":\"chat.completion.chunk\"" + extra + "}\n\n";
    }

    @Override
    void writeStart(Stream stream) throws IOException {
        stream.chunk(chunk(
                stream,
                "[{\"finish_reason\":null,\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]",
                ""));
    }

    @Override
    void writeToken(Stream stream, String token, boolean reasoning) throws IOException {
        var field = reasoning ? "reasoning_content" : "content";
        stream.chunk(chunk(
                stream,
                "[{\"finish_reason\":null,\"index\":0,\"delta\":{\"" + field + "\":" + json(token) + "}}]",
                ""));
    }

    @Override
    void writeFinish(Stream stream, String finishReason, int completionTokens) throws IOException {
        stream.chunk(chunk(
                stream,
                "[{\"finish_reason\":\"" + finishReason + "\",\"index\":0,\"delta\":{}}]",
                ",\"timings\":{\"prompt_n\":" + stream.promptTokens + ",\"prompt_ms\":1.5,\"predicted_n\":"
                        + completionTokens + ",\"predicted_ms\":" + completionTokens + ".0}"));
        if (stream.request.includeUsage()) {
            stream.chunk(chunk(
                    stream,
                    "[]",
                    ",\"usage\":{\"completion_tokens\":" + completionTokens + ",\"prompt_tokens\":"
                            + stream.promptTokens + ",\"total_tokens\":" + (completionTokens + stream.promptTokens)
                            + ",\"prompt_tokens_details\":{\"cached_tokens\":0}}"));
        }
        stream.chunk("data: [DONE]\n\n");
    }

    @Override
    void writeInStreamError(Stream stream, String message) throws IOException {
        stream.chunk("data: " + errorBody(500, message) + "\n\n");
    }

    @Override
    void writeMalformed(Stream stream) throws IOException {
        stream.chunk("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"br\n\n");
    }
}
