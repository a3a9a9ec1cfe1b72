package org.govchat.model.fake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local model server for tests: plain sockets on 127.0.0.1 and a free port, one virtual thread per
 * connection (plus one that notices the client leaving), so thousands of concurrent streams are cheap.
 * Each chat request takes the next {@linkplain #enqueue queued script}, or the default one.
 *
 * <p>It records every chat request and counts streams: open now, completed as scripted, and cancelled
 * (the client closed the connection before the scripted end — what a real server sees when a client
 * stops a generation).
 *
 * <p>One request per connection ({@code Connection: close}, or {@linkplain #dropKeptAliveConnections
 * unannounced}); responses stream with chunked encoding.
 */
public abstract sealed class FakeModelServer implements AutoCloseable permits FakeOpenAiServer, FakeOllamaServer {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket listener;
    private final ConcurrentLinkedQueue<FakeScript> scripts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final java.util.Set<Socket> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final AtomicInteger completedStreams = new AtomicInteger();
    private final AtomicInteger cancelledStreams = new AtomicInteger();
    private volatile FakeScript defaultScript = FakeScript.answer("Hello", " from", " the", " fake", " model", ".");
    private volatile List<String> models = List.of("fake-model");
    private volatile boolean closed;
    private volatile boolean announceKeepAlive;

    FakeModelServer() {
        try {
            listener = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a local port", e);
        }
        Thread.ofVirtual().name("fake-model-accept").start(this::acceptForever);
    }

    /** Where a backend's {@code base-url} should point. */
    public abstract String baseUrl();

    public int port() {
        return listener.getLocalPort();
    }

    /** The next chat requests get these scripts, in order; after them, the default script. */
    public FakeModelServer enqueue(FakeScript... next) {
        scripts.addAll(List.of(next));
        return this;
    }

    /** What every chat request gets when no script is queued. */
    public FakeModelServer respondByDefault(FakeScript script) {
        this.defaultScript = script;
        return this;
    }

    /**
     * Answers streams as if their connection stayed open for the next request, then closes it anyway, as a
     * server does with a kept-alive connection that has been idle too long.
     */
    public FakeModelServer dropKeptAliveConnections() {
        this.announceKeepAlive = true;
        return this;
    }

    /** The models the server lists ({@code /v1/models}, {@code /api/tags}). */
    public FakeModelServer models(String... names) {
        this.models = List.of(names);
        return this;
    }

    List<String> models() {
        return models;
    }

    /** Chat requests received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest lastRequest() {
        var all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("no chat request received");
        }
        return all.getLast();
    }

    /** Streams being written right now. */
    public int openStreams() {
        return openStreams.get();
    }

    /** Streams that ran to their scripted end. */
    public int completedStreams() {
        return completedStreams.get();
    }

    /** Streams (or hung requests) whose client closed the connection before the scripted end. */
    public int cancelledStreams() {
        return cancelledStreams.get();
    }

    /** Waits until {@code count} holds for {@code counter} (e.g. {@code server::cancelledStreams}). */
    public static boolean await(IntSupplier counter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (counter.getAsInt() == count) {
                return true;
            }
            LockSupport.parkNanos(5_000_000);
        }
        return counter.getAsInt() == count;
    }

    /** Forgets queued scripts, recorded requests and counters. */
    public void reset() {
        scripts.clear();
        requests.clear();
        completedStreams.set(0);
        cancelledStreams.set(0);
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (var connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // --- protocol ---

    abstract boolean isChatPath(String path);

    /** Answers a non-chat request (model lists, unknown paths). */
    abstract void answerOther(String method, String path, OutputStream out) throws IOException;

    abstract RecordedRequest record(String path, Map<String, String> headers, String body, JsonNode json);

    abstract String streamContentType();

    abstract String errorBody(int status, String message);

    /** Before the first token (OpenAI: the role chunk). */
    abstract void writeStart(Stream stream) throws IOException;

    abstract void writeToken(Stream stream, String token, boolean reasoning) throws IOException;

    abstract void writeFinish(Stream stream, String finishReason, int completionTokens) throws IOException;

    abstract void writeInStreamError(Stream stream, String message) throws IOException;

    abstract void writeMalformed(Stream stream) throws IOException;

    /** One response being streamed. */
    static final class Stream {
        final OutputStream out;
        final RecordedRequest request;
        final int promptTokens;
        final String id;
        final long created = System.currentTimeMillis() / 1000;

        Stream(OutputStream out, RecordedRequest request, int promptTokens, String id) {
            this.out = out;
            this.request = request;
            this.promptTokens = promptTokens;
            this.id = id;
        }

        /** Writes one HTTP chunk and flushes it to the client. */
        void chunk(String text) throws IOException {
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(Integer.toHexString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
            out.write(bytes);
            out.write(CRLF);
            out.flush();
        }

        void end() throws IOException {
            out.write(LAST_CHUNK);
            out.flush();
        }
    }

    static String json(String text) {
        return JSON.writeValueAsString(text);
    }

    // --- serving ---

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger ids = new AtomicInteger();

    private void acceptForever() {
        while (!closed) {
            try {
                var socket = listener.accept();
                Thread.ofVirtual().name("fake-model-conn").start(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        }
    }

    private void serve(Socket socket) {
        connections.add(socket);
        try (socket) {
            socket.setTcpNoDelay(true);
            var in = new BufferedInputStream(socket.getInputStream());
            var out = socket.getOutputStream();
            var head = readHead(in);
            if (head == null) {
                return;
            }
            var lines = head.split("\r\n");
            var requestLine = lines[0].split(" ");
            var method = requestLine[0];
            var path = requestLine[1];
            var headers = new HashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            var body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            if (!(method.equals("POST") && isChatPath(path))) {
                answerOther(method, path, out);
                return;
            }
            var json = JSON.readTree(body);
            var request = record(path, Map.copyOf(headers), body, json);
            requests.add(request);
            var script = scripts.poll();
            chat(socket, in, out, request, script != null ? script : defaultScript);
        } catch (IOException | RuntimeException e) {
            // the client went away or sent something unreadable: nothing to answer
        } finally {
            connections.remove(socket);
        }
    }

    private void chat(Socket socket, InputStream in, OutputStream out, RecordedRequest request, FakeScript script)
            throws IOException {
        var client = new ClientWatch(socket, in);
        try {
            if (script.hangBeforeHeaders) {
                client.waitUntilGone(null);
                cancelledStreams.incrementAndGet();
                return;
            }
            if (script.httpStatus != 0) {
                respond(out, script.httpStatus, "application/json", errorBody(script.httpStatus, script.errorMessage));
                return;
            }
            stream(client, out, request, script);
        } finally {
            client.stop();
        }
    }

    private void stream(ClientWatch client, OutputStream raw, RecordedRequest request, FakeScript script)
            throws IOException {
        var out = new java.io.BufferedOutputStream(raw, 4096);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + streamContentType()
                        + "\r\nCache-Control: no-cache\r\nX-Accel-Buffering: no\r\nTransfer-Encoding: chunked"
                        + (announceKeepAlive ? "" : "\r\nConnection: close") + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        openStreams.incrementAndGet();
        boolean cancelled = false;
        try {
            int prompt = script.promptTokens != null ? script.promptTokens : wordsIn(request);
            var stream = new Stream(out, request, prompt, "chatcmpl-fake-" + ids.incrementAndGet());
            writeStart(stream);
            var tokens = new ArrayList<String>(script.tokenCount());
            tokens.addAll(script.reasoning);
            tokens.addAll(script.answer);
            boolean tags = script.reasoningStyle == FakeScript.ReasoningStyle.THINK_TAGS && !script.reasoning.isEmpty();
            int sent = 0;
            for (int i = 0; i <= tokens.size(); i++) {
                var delay = i == 0 ? script.firstTokenDelay.plus(script.tokenDelay) : script.tokenDelay;
                if (!delay.isZero() && client.waitUntilGone(delay)) {
                    cancelled = true;
                    return;
                }
                if (sent == script.stallAfter) {
                    client.waitUntilGone(null);
                    cancelled = true;
                    return;
                }
                if (sent == script.disconnectAfter) {
                    out.flush();
                    return; // closing the socket without the last chunk: the stream breaks off
                }
                if (sent == script.errorAfter) {
                    writeInStreamError(stream, script.errorMessage);
                    stream.end();
                    return;
                }
                if (sent == script.malformedAfter) {
                    writeMalformed(stream);
                }
                if (i == tokens.size()) {
                    break;
                }
                if (client.gone()) {
                    cancelled = true;
                    return;
                }
                boolean reasoning = i < script.reasoning.size();
                var token = tokens.get(i);
                if (tags) {
                    if (i == 0) {
                        writeToken(stream, "<think>", false);
                    }
                    writeToken(stream, token, false);
                    if (i == script.reasoning.size() - 1) {
                        writeToken(stream, "</think>", false);
                        writeToken(stream, "\n\n", false);
                    }
                } else {
                    writeToken(stream, token, reasoning);
                }
                sent++;
            }
            writeFinish(stream, script.finishReason, tokens.size());
            stream.end();
            completedStreams.incrementAndGet();
        } catch (IOException e) {
            cancelled = true; // writing failed: the client has gone
        } finally {
            openStreams.decrementAndGet();
            if (cancelled) {
                cancelledStreams.incrementAndGet();
            }
        }
    }

    static void respond(OutputStream out, int status, String contentType, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static int wordsIn(RecordedRequest request) {
        int words = 0;
        for (var message : request.messages()) {
            words += message.content() == null ? 0 : message.content().split("\\s+").length;
        }
        return Math.max(1, words);
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too large");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Notices the client closing its side: it sends nothing after its request, so any read end means gone. */
    private static final class ClientWatch {
        private final Socket socket;
        private final Thread streamer = Thread.currentThread();
        private final Thread watcher;
        private volatile boolean gone;
        private volatile boolean stopped;

        ClientWatch(Socket socket, InputStream in) {
            this.socket = socket;
            this.watcher = Thread.ofVirtual().name("fake-model-watch").start(() -> {
                try {
                    while (in.read() >= 0) {
                        // a well-behaved client sends nothing more
                    }
                } catch (IOException e) {
                    // reset or closed
                }
                if (!stopped) {
                    gone = true;
                    LockSupport.unpark(streamer);
                }
            });
        }

        boolean gone() {
            return gone;
        }

        /** Waits {@code delay} (forever when null); {@code true} when the client left meanwhile. */
        boolean waitUntilGone(Duration delay) {
            long deadline = delay == null ? Long.MAX_VALUE : System.nanoTime() + delay.toNanos();
            while (!gone && !socket.isClosed()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(Math.min(left, 100_000_000));
            }
            return gone;
        }

        void stop() {
            stopped = true;
            watcher.interrupt();
        }
    }
}
