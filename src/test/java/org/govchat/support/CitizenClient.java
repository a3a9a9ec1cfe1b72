package org.govchat.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser as the API sees it: its own cookie jar (so its own anonymous identity), JSON in and out, and
 * an SSE reader that parses events as they arrive. Like the web app, it echoes the {@code XSRF-TOKEN}
 * cookie in an {@code X-XSRF-TOKEN} header on every state change (fetching the cookie first if it has none).
 */
public final class CitizenClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CSRF_COOKIE = "XSRF-TOKEN";

    private final String baseUrl;
    private final HttpClient http;
    private final CookieManager cookies;
    private String acceptLanguage = "en";
    private final Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();

    public CitizenClient(int port) {
        this(port, new CookieManager());
    }

    private CitizenClient(int port, CookieManager cookies) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The same browser (same cookies, same identity) talking to another app instance. */
    public CitizenClient onPort(int port) {
        return new CitizenClient(port, cookies).language(acceptLanguage);
    }

    /** Puts a cookie in this browser's jar, as a tampering client could. */
    public void setCookie(String name, String value) {
        var cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    public CitizenClient language(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
        return this;
    }

    /** Sends this header with every request from now on (a proxy's {@code X-Forwarded-For}, say). */
    public CitizenClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        /** The {@code Set-Cookie} header that sets the named cookie, or {@code null}. */
        public String setCookie(String cookieName) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                    .flatMap(e -> e.getValue().stream())
                    .filter(value -> value.startsWith(cookieName + "="))
                    .findFirst()
                    .orElse(null);
        }
    }

    public record Event(String id, String name, JsonNode data) {
        public String text(String field) {
            return data.path(field).asString();
        }
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET to another origin (a sign-in provider, say) with this browser's cookies, as a redirect would go. */
    public Reply external(URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build());
    }

    public Reply delete(String path) {
        return send(stateChange(path).DELETE().build());
    }

    public Reply post(String path, Object body) {
        return send(stateChange(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    public Reply put(String path, Object body) {
        return send(stateChange(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /** A streamed POST ({@code Accept: text/event-stream}) with a JSON body, read event by event. */
    public Stream postStream(String path, Object body) {
        return openStream(stateChange(path)
                .header("Accept", "text/event-stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    public Reply postRaw(String path, String contentType, String body) {
        return send(stateChange(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Starts a conversation with a department and returns its id. */
    public String startConversation(String departmentId) {
        var reply = post("/api/v1/conversations", Map.of("departmentId", departmentId));
        if (reply.status() != 201) {
            throw new IllegalStateException("Could not start a conversation: " + reply);
        }
        return reply.json().get("id").asString();
    }

    /** An open SSE response being read event by event. */
    public final class Stream implements AutoCloseable {
        private final HttpResponse<java.io.InputStream> response;
        private final BufferedReader reader;
        private final List<Event> received = new ArrayList<>();
        private int comments;

        Stream(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        }

        public int status() {
            return response.statusCode();
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next event, or {@code null} at the end of the stream. */
        public Event next() {
            try {
                String id = null;
                String name = "message";
                var data = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.isEmpty()) {
                            continue; // a comment-only block
                        }
                        var event = new Event(id, name, JSON.readTree(data.toString()));
                        received.add(event);
                        return event;
                    }
                    if (line.startsWith(":")) {
                        comments++;
                        continue;
                    }
                    var colon = line.indexOf(':');
                    var field = colon < 0 ? line : line.substring(0, colon);
                    var value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                        default -> {}
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads events until one matches (inclusive); fails at the end of the stream. */
        public Event until(Predicate<Event> stop) {
            Event event;
            while ((event = next()) != null) {
                if (stop.test(event)) {
                    return event;
                }
            }
            throw new IllegalStateException("Stream ended before the expected event; got " + received);
        }

        /** Reads to the end of the stream. */
        public List<Event> drain() {
            while (next() != null) {
                // keep reading
            }
            return List.copyOf(received);
        }

        /** Comment lines (keep-alives) read so far. */
        public int comments() {
            return comments;
        }

        public List<Event> received() {
            return List.copyOf(received);
        }

        /** Everything the deltas carried so far. */
        public String text() {
            var text = new StringBuilder();
            received.stream().filter(e -> e.name().equals("delta")).forEach(e -> text.append(e.text("text")));
            return text.toString();
        }

        /** Drops the connection, as a closed tab or a lost network would. */
        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    public Stream ask(String conversationId, String question) {
        return askAt("/api/v1/conversations/" + conversationId + "/messages", question);
    }

    /** Posts a question to any endpoint that answers with an event stream. */
    public Stream askAt(String path, String question) {
        return openStream(stateChange(path)
                .header("Accept", "text/event-stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("content", question))))
                .build());
    }

    public Stream resume(String conversationId, String messageId, String lastEventId) {
        var builder = request("/api/v1/conversations/" + conversationId + "/messages/" + messageId + "/events")
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        return openStream(builder.build());
    }

    /** Opens any SSE endpoint of the app with GET, resuming after {@code lastEventId} when given. */
    public Stream follow(String path, String lastEventId) {
        var builder = request(path).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        return openStream(builder.build());
    }

    private Stream openStream(HttpRequest request) {
        try {
            return new Stream(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a cookie this browser holds for the app, or {@code null}. */
    public String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(baseUrl)).stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private HttpRequest.Builder stateChange(String path) {
        var token = cookie(CSRF_COOKIE);
        if (token == null) {
            get("/api/v1/departments"); // as the web app does on its first page
            token = cookie(CSRF_COOKIE);
        }
        var builder = request(path);
        return token == null ? builder : builder.header("X-XSRF-TOKEN", token);
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", acceptLanguage);
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private Reply send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
