package org.govchat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the browser end-to-end tests share: the built web app must be there, a free port, and running one
 * Node script of {@code src/test/e2e} (playwright-core driving Debian's Chromium) to its end.
 */
final class BrowserSteps {

    /** Screenshots and logs of the browser tests. */
    static final Path OUT = Path.of("target/e2e");

    private BrowserSteps() {}

    /** Fails early, with the reason, when the build skipped the frontend; creates {@link #OUT}. */
    static void requireBuiltWebApp() throws IOException {
        assertThat(Path.of("target/classes/static/index.html"))
                .as("the built web app (run the build without -Dfrontend.skip)")
                .exists();
        Files.createDirectories(OUT);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Runs {@code node <script>} with {@code APP_URL}, {@code CHROMIUM}, {@code OUT_DIR} and {@code extraEnv},
     * its output in {@code target/e2e/<log>}; asserts it finished in time, exited 0 and reported every step
     * passed. Returns its output.
     */
    static String run(String script, String log, Duration timeout, String appUrl, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        var logFile = OUT.resolve(log);
        var steps = new ProcessBuilder("node", script)
                .directory(Path.of("src/test/e2e").toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        steps.environment().put("APP_URL", appUrl);
        steps.environment().put("CHROMIUM", System.getProperty("govchat.e2e.chromium", "/usr/bin/chromium"));
        steps.environment().put("OUT_DIR", OUT.toAbsolutePath().toString());
        steps.environment().putAll(extraEnv);
        var node = steps.start();
        var finished = node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        var output = Files.readString(logFile, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("the browser steps finished in time").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("e2e: all steps passed");
        return output;
    }
}
