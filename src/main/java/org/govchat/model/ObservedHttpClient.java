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
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client under LangChain4j's Ollama and OpenAI models. LangChain4j only offers a streaming
 * handle once the first token is there, so this client itself hands the running exchange to the
 * {@linkplain Attempt#CURRENT current attempt}: a timeout or a cancel then aborts the request or closes the
 * connection at any moment, and the server sees the connection go and stops generating. It also
 * reports errors a server sends inside the stream. {@link #execute(HttpRequest, ServerSentEventParser,
 * ServerSentEventListener)} returns when the stream has ended.
 *
 * <p>Apache HttpClient's classic, blocking API over HTTP/1.1 (what the inference servers speak): the
 * attempt's virtual thread reads the stream from the socket itself, so a chunk costs a read and no hand-over
 * between threads (the JDK's asynchronous client hands every chunk from its selector thread to the reader,
 * through its flow control; bench/README has what the change saved). Connections are pooled per backend,
 * never fewer than the generations it admits at once, so a request never waits for one. Responses are not
 * compressed (that would hold tokens back), and a request is sent a second time only when the kept-alive
 * connection it went out on turns out to have been closed by the server.
 */
final class ObservedHttpClient implements HttpClient {

    private static final int MAX_ERROR_BODY = 4096;
    private static final TimeValue MAX_IDLE = TimeValue.ofSeconds(4);

    private final CloseableHttpClient client;

    private ObservedHttpClient(Duration connectTimeout, int maxConnections) {
        var connectWithin = Timeout.of(connectTimeout);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectWithin)
                        // tokens are timed by the gateway (first token, between tokens, total)
                        .setSocketTimeout(Timeout.DISABLED)
                        // checking a connection costs a 1 ms read: only after a lull (as OkHttp does); idle
                        // connections are kept shorter than servers keep theirs (below), and a request that
                        // finds its kept-alive connection closed anyway is sent once more
                        .setValidateAfterInactivity(TimeValue.ofSeconds(10))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connectWithin)
                        .setResponseTimeout(Timeout.DISABLED)
                        .build())
                .setKeepAliveStrategy(ObservedHttpClient::keepIdleFor)
                .setRetryStrategy(new ResendWhenUnanswered())
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            return client.execute(toApache(request), response -> {
                var body = response.getEntity() == null
                        ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getCode() / 100 != 2) {
                    throw new HttpException(response.getCode(), body);
                }
                return SuccessfulHttpResponse.builder()
                        .statusCode(response.getCode())
                        .headers(headers(response))
                        .body(body)
                        .build();
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        var attempt = Attempt.CURRENT.isBound() ? Attempt.CURRENT.get() : null;
        if (attempt != null && attempt.isClosed()) {
            return; // timed out or cancelled before the request went out
        }
        var exchange = toApache(request);
        if (attempt != null) {
            // before the answer starts this aborts connecting or waiting; after, it closes the connection
            attempt.onAbort(exchange::cancel);
        }
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, exchange, null);
        } catch (IOException | RuntimeException e) {
            if (!exchange.isCancelled()) {
                listener.onError(e);
            }
            return; // else aborted by us
        }
        try (response) {
            if (attempt != null) {
                attempt.responded();
            }
            var entity = response.getEntity();
            if (response.getCode() / 100 != 2) {
                listener.onError(new HttpException(
                        response.getCode(), entity == null ? "" : readSome(new Body(entity.getContent(), exchange))));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(response.getCode())
                    .headers(headers(response))
                    .build());
            if (entity != null) {
                try (var body = new Body(entity.getContent(), exchange)) {
                    parser.parse(body, attempt == null ? listener : new Tap(listener, attempt));
                }
            }
            if (attempt == null || !attempt.isClosed()) {
                listener.onClose();
            }
        } catch (IOException e) {
            // a stream that broke or was aborted: the parser has told the listener already
        }
    }

    private static HttpUriRequestBase toApache(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used by model backends");
        }
        var apache = new HttpUriRequestBase(request.method().name(), URI.create(request.url()));
        String contentType = null;
        for (var header : request.headers().entrySet()) {
            if (header.getValue() == null || isFramingHeader(header.getKey())) {
                continue;
            }
            for (var value : header.getValue()) {
                if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header.getKey())) {
                    contentType = value;
                } else {
                    apache.addHeader(header.getKey(), value);
                }
            }
        }
        if (request.body() != null) {
            var type = contentType == null ? ContentType.APPLICATION_JSON : ContentType.parse(contentType);
            if (type.getCharset() == null) {
                type = type.withCharset(StandardCharsets.UTF_8);
            }
            apache.setEntity(new StringEntity(request.body(), type));
        }
        return apache;
    }

    /**
     * How long a connection may wait idle in the pool: what the server announces ({@code Keep-Alive:
     * timeout=}), at most {@link #MAX_IDLE}, under the idle timeouts servers use by default (uvicorn, Node and
     * llama.cpp's server close after 5 s), so a pooled connection is seldom one the server has closed.
     */
    private static TimeValue keepIdleFor(HttpResponse response, HttpContext context) {
        var announced = DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(response, context);
        return announced != null && announced.compareTo(MAX_IDLE) < 0 ? announced : MAX_IDLE;
    }

    /** Headers the client sets itself from the body and the connection. */
    private static boolean isFramingHeader(String name) {
        return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                || HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)
                || HttpHeaders.HOST.equalsIgnoreCase(name)
                || HttpHeaders.CONNECTION.equalsIgnoreCase(name);
    }

    private static Map<String, List<String>> headers(ClassicHttpResponse response) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (var header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    /**
     * A response body that, closed before its end (cancelled, timed out, or given up by the parser), drops
     * the connection: closing HttpClient's own stream would first read the rest of the answer.
     */
    private static final class Body extends FilterInputStream {

        private final HttpUriRequestBase exchange;
        private boolean ended;

        Body(InputStream in, HttpUriRequestBase exchange) {
            super(in);
            this.exchange = exchange;
        }

        @Override
        public int read() throws IOException {
            return ended(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return ended(super.read(buffer, offset, length));
        }

        private int ended(int read) {
            if (read < 0) {
                ended = true;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                exchange.cancel();
            }
            super.close(); // at the end of the stream this hands the connection back to the pool
        }
    }

    private static String readSome(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends a request once more when the server closed the kept-alive connection it went out on without a
     * word (a server may close an idle connection sooner than it announced, or restart). A server that took
     * the request answers something first; one that cannot be reached is a failed attempt, for failover to
     * handle.
     */
    private static final class ResendWhenUnanswered implements HttpRequestRetryStrategy {

        @Override
        public boolean retryRequest(
                org.apache.hc.core5.http.HttpRequest request,
                IOException exception,
                int execCount,
                HttpContext context) {
            return execCount == 1
                    && !(request instanceof HttpUriRequestBase exchange && exchange.isCancelled())
                    && (exception instanceof NoHttpResponseException
                            || (exception instanceof SocketException && !(exception instanceof ConnectException)));
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
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
    static final class Builder implements HttpClientBuilder, AutoCloseable {

        private Duration connectTimeout;
        private Duration readTimeout;

        private final int maxConnections;
        private final List<ObservedHttpClient> built = new CopyOnWriteArrayList<>();

        /** {@code maxConcurrent}: the generations the backend admits at once (each holds a connection). */
        Builder(Duration connectTimeout, int maxConcurrent) {
            this.connectTimeout = connectTimeout;
            // aborted streams may still hold theirs for a moment, and the model list needs one too
            this.maxConnections = maxConcurrent + Math.max(8, maxConcurrent / 4);
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
            var client = new ObservedHttpClient(connectTimeout, maxConnections);
            built.add(client);
            return client;
        }

        /** Closes the clients built (their pooled connections and idle-connection evictor). */
        @Override
        public void close() {
            built.forEach(client -> client.client.close(CloseMode.GRACEFUL));
            built.clear();
        }
    }
}
