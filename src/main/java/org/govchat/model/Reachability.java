package org.govchat.model;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.govchat.model.ModelBackend.Availability;

/**
 * Whether a model server answers at all. Any HTTP status counts as reachable: a server without the probed
 * path still answers; only a refused or timed-out connection makes it DOWN.
 */
final class Reachability {

    private static final HttpClient PROBES = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private final URI probe;
    private final Duration timeout;
    private final String apiKey;
    private volatile Availability availability = Availability.UP;

    Reachability(URI probe, Duration connectTimeout, String apiKey) {
        this.probe = probe;
        this.timeout = connectTimeout.plusSeconds(2);
        this.apiKey = apiKey;
    }

    Availability availability() {
        return availability;
    }

    void probe() {
        var request = HttpRequest.newBuilder(probe).timeout(timeout).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            PROBES.send(request.build(), BodyHandlers.discarding());
            availability = Availability.UP;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            availability = Availability.down("unreachable: " + e);
        }
    }

    void observed(boolean reachable, String reason) {
        availability = reachable ? Availability.UP : Availability.down(reason);
    }

    static URI under(URI base, String path) {
        var text = base.toString();
        return URI.create(text.endsWith("/") ? text + path : text + "/" + path);
    }
}
