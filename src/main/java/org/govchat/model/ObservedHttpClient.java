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
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/**
 * The HTTP client under LangChain4j's Ollama and OpenAI models. LangChain4j only offers a streaming
 * handle once the first token is there, so this client itself hands the running exchange to the
 * {@linkplain Attempt#CURRENT current attempt}: a timeout or a cancel then aborts the request or closes the
 * response stream at any moment, and the server sees the connection go and stops generating. It also
 * reports errors a server sends inside the stream. {@link #execute(HttpRequest, ServerSentEventParser,
 * ServerSentEventListener)} returns when the stream has ended.
 *
 * <p>HTTP/1.1 only (what the inference servers speak); virtual threads read the streams.
 */
final class ObservedHttpClient implements HttpClient {

    private static final int MAX_ERROR_BODY = 4096;

    private final java.net.http.HttpClient jdk;

    private ObservedHttpClient(Duration connectTimeout) {
        this.jdk = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            var response = jdk.send(toJdk(request), BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new HttpException(response.statusCode(), response.body());
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(response.body())
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        var attempt = Attempt.CURRENT.isBound() ? Attempt.CURRENT.get() : null;
        if (attempt != null && attempt.isClosed()) {
            return; // timed out or cancelled before the request went out
        }
        var exchange = jdk.sendAsync(toJdk(request), BodyHandlers.ofInputStream());
        if (attempt != null) {
            attempt.onAbort(() -> exchange.cancel(true));
        }
        HttpResponse<InputStream> response;
        try {
            response = exchange.get();
        } catch (CancellationException e) {
            return; // aborted by us
        } catch (InterruptedException e) {
            exchange.cancel(true);
            return;
        } catch (ExecutionException e) {
            listener.onError(e.getCause());
            return;
        }
        var body = response.body();
        if (attempt != null) {
            attempt.responded();
            attempt.onAbort(() -> closeQuietly(body));
        }
        try (body) {
            if (response.statusCode() / 100 != 2) {
                listener.onError(new HttpException(response.statusCode(), readSome(body)));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .build());
            parser.parse(body, attempt == null ? listener : new Tap(listener, attempt));
            if (attempt == null || !attempt.isClosed()) {
                listener.onClose();
            }
        } catch (IOException e) {
            // closing a stream that broke: nothing left to tell
        }
    }

    private static java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used by model backends");
        }
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        var body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        return builder.method(request.method().name(), body).build();
    }

    private static String readSome(InputStream body) throws IOException {
        return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // the point was to stop reading
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
