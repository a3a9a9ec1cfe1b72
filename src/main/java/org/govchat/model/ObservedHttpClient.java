package org.govchat.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP client under LangChain4j's Ollama and OpenAI models. LangChain4j only offers a streaming
 * handle once the first token is there, so this client itself hands the running exchange to the
 * {@linkplain Attempt#CURRENT current attempt}: a timeout or a cancel then interrupts the attempt's virtual
 * thread, which closes the connection at any moment (while connecting, waiting for the answer's head or
 * reading it), and the server sees the connection go and stops generating. It also reports errors a server sends inside the stream.
 * {@link #execute(HttpRequest, ServerSentEventParser, ServerSentEventListener)} returns when the stream
 * has ended.
 *
 * <p>HTTP/1.1 with blocking reads on the calling virtual thread ({@link HttpURLConnection}, idle
 * connections kept alive): the token a server writes is read by the thread that parses it, with no hand-off
 * between threads in between, which is most of what a streamed token costs. Never through a proxy: model
 * traffic goes only to the hosts the sovereignty policy allowed.
 */
final class ObservedHttpClient implements HttpClient {

    private static final int MAX_ERROR_BODY = 4096;

    private final int connectTimeoutMillis;

    private ObservedHttpClient(Duration connectTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            var connection = open(request);
            send(connection, request);
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                throw new HttpException(status, readSome(connection.getErrorStream()));
            }
            String body;
            try (var in = connection.getInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(headers(connection))
                    .body(body)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        var attempt = Attempt.CURRENT.isBound() ? Attempt.CURRENT.get() : null;
        if (attempt != null && attempt.isClosed()) {
            return; // timed out or cancelled before the request went out
        }
        HttpURLConnection connection;
        try {
            connection = open(request);
        } catch (IOException e) {
            listener.onError(e);
            return;
        }
        if (attempt != null) {
            // An interrupted virtual thread's blocking socket call closes the socket and throws, in whatever step
            // it is; disconnect() would instead wait for the lock the blocked read holds.
            var reader = Thread.currentThread();
            attempt.onAbort(reader.isVirtual() ? reader::interrupt : connection::disconnect);
        }
        try {
            send(connection, request);
            int status = connection.getResponseCode();
            if (attempt != null) {
                attempt.responded();
            }
            if (status / 100 != 2) {
                listener.onError(new HttpException(status, readSome(connection.getErrorStream())));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(headers(connection))
                    .build());
            try (var body = connection.getInputStream()) {
                parser.parse(body, attempt == null ? listener : new Tap(listener, attempt));
            }
            if (attempt == null || !attempt.isClosed()) {
                listener.onClose();
            }
        } catch (IOException e) {
            if (attempt == null || !attempt.isClosed()) {
                listener.onError(e); // the server went away, or never answered; when we closed it: nothing to tell
            }
        }
    }

    private HttpURLConnection open(HttpRequest request) throws IOException {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used by model backends");
        }
        var connection = (HttpURLConnection) URI.create(request.url()).toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(connectTimeoutMillis);
        connection.setReadTimeout(0); // streams are timed per token by the gateway's watchdog
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestMethod(request.method().name());
        connection.setDoOutput(request.body() != null);
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> connection.addRequestProperty(name, value));
            }
        });
        return connection;
    }

    /** Connects (a refused or timed-out connection is a {@link ConnectException}) and writes the body. */
    private static void send(HttpURLConnection connection, HttpRequest request) throws IOException {
        try {
            connection.connect();
        } catch (ConnectException e) {
            throw e;
        } catch (IOException e) {
            var cannotConnect = new ConnectException(
                    "cannot connect to " + connection.getURL().getAuthority() + ": " + e);
            cannotConnect.initCause(e);
            throw cannotConnect;
        }
        if (request.body() != null) {
            try (var out = connection.getOutputStream()) {
                out.write(request.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Map<String, List<String>> headers(HttpURLConnection connection) {
        var headers = new LinkedHashMap<String, List<String>>();
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) { // the status line
                headers.put(name, values);
            }
        });
        return headers;
    }

    private static String readSome(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        try (body) {
            return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        }
    }

    /** Sees every event before LangChain4j does: a server's in-stream error must end the attempt as one. */
    private record Tap(ServerSentEventListener delegate, Attempt attempt) implements ServerSentEventListener {

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            var data = event.data();
            if (data != null && data.startsWith("{\"error\"")) {
                attempt.serverReportedError(data);
                return;
            }
            delegate.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            onEvent(event, null);
        }

        @Override
        public void onError(Throwable throwable) {
            delegate.onError(throwable);
        }

        @Override
        public void onClose() {
            delegate.onClose();
        }
    }

    /** Hands LangChain4j's model builders this client, with the backend's connect timeout. */
    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        /** Kept for LangChain4j's sake only: streams are timed per token by the gateway instead. */
        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new ObservedHttpClient(connectTimeout);
        }
    }
}
