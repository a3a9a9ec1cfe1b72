package org.govchat.support;

import org.govchat.model.fake.FakeOpenAiServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * One protocol-faithful fake model server (OpenAI-compatible) for the whole JVM, configured as the
 * {@code default} backend of the app under test. Without a queued script it answers "Hello from the fake
 * model."
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeModelBackend {

    private static FakeOpenAiServer server;

    public static synchronized FakeOpenAiServer server() {
        if (server == null) {
            server = new FakeOpenAiServer();
            var started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server;
    }

    @Bean
    static DynamicPropertyRegistrar fakeModelProperties() {
        return registry -> {
            registry.add("govchat.backends.default.type", () -> "openai-compatible");
            registry.add("govchat.backends.default.base-url", () -> server().baseUrl());
            registry.add("govchat.backends.default.default-model", () -> "fake-model");
        };
    }
}
