package org.govchat.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent events written straight to the response: one write and one flush an event, payloads
 * serialised by Jackson (which escapes line breaks inside strings, so the JSON is always one {@code data}
 * line). The stream Spring hands to a {@link StreamingResponseBody} ignores {@code flush()}, so the servlet
 * response is flushed.
 *
 * <p>A response is written either on the request's own thread ({@link #stream}: requests run on virtual
 * threads, so a thread that waits for an answer costs little) or, for long-lived streams that must end with
 * the MVC async timeout, as a {@link StreamingResponseBody} ({@link #response}). Written on the request's
 * thread, a stream needs no thread of its own and no second pass through the filters when it ends.
 */
public final class ServerSentEvents {

    private static final byte[] END_OF_EVENT = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private ServerSentEvents() {}

    /** An SSE response; proxies must not buffer it (nginx honours {@code X-Accel-Buffering}). */
    public static ResponseEntity<StreamingResponseBody> response(StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_EVENT_STREAM, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(body);
    }

    /** What writes the events of one response. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Sends the headers of an SSE response and writes its events on the calling thread (the request's own),
     * returning when the body has written its last event. The caller must have done every check that can
     * still end in an error status: after this, the status is 200.
     */
    public static void stream(HttpServletResponse response, JsonMapper json, Body body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(new MediaType(MediaType.TEXT_EVENT_STREAM, StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader("X-Accel-Buffering", "no");
        body.writeTo(new Writer(response.getOutputStream(), response, json));
    }

    /** The position a client asks to resume after ({@code Last-Event-ID}); 0 when absent or not a number. */
    public static int lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Writes the events of one response. */
    public static Writer writer(OutputStream body, HttpServletResponse response, JsonMapper json) {
        return new Writer(body, response, json);
    }

    public static final class Writer {

        private final OutputStream body;
        private final HttpServletResponse response;
        private final JsonMapper json;

        private Writer(OutputStream body, HttpServletResponse response, JsonMapper json) {
            this.body = body;
            this.response = response;
            this.json = json;
        }

        /** One event: {@code id}, {@code event} and a single {@code data} line of JSON. */
        public void event(long id, String name, Object payload) throws IOException {
            var head = ("id: " + id + "\nevent: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
            body.write(head);
            body.write(json.writeValueAsBytes(payload));
            body.write(END_OF_EVENT);
            response.flushBuffer();
        }

        /** A comment line, so proxies keep a quiet stream open (and a vanished client is noticed). */
        public void keepAlive() throws IOException {
            body.write(KEEP_ALIVE);
            response.flushBuffer();
        }
    }
}
