package org.govchat.admin;

import org.govchat.model.fake.FakeOllamaServer;
import org.govchat.model.fake.FakeOpenAiServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Backends the admin tests choose among: {@code default} (OpenAI-compatible, two models) and {@code spare}
 * (Ollama), both fakes on local sockets that live as long as the JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AdminTestBackends {

    public static final FakeOpenAiServer PRIMARY = new FakeOpenAiServer();
    public static final FakeOllamaServer SPARE = new FakeOllamaServer();

    @Bean
    static DynamicPropertyRegistrar adminTestBackendProperties() {
        return registry -> {
            registry.add("govchat.backends.default.type", () -> "openai-compatible");
            registry.add("govchat.backends.default.base-url", PRIMARY::baseUrl);
            registry.add("govchat.backends.default.default-model", () -> "fake-model");
            registry.add("govchat.backends.default.models", () -> "fake-large");
            registry.add("govchat.backends.spare.type", () -> "ollama");
            registry.add("govchat.backends.spare.base-url", SPARE::baseUrl);
            registry.add("govchat.backends.spare.default-model", () -> "qwen2.5:0.5b");
            // folding on demand only: tests decide when the rollup is read
            registry.add("govchat.admin.dashboard.fold-interval", () -> "1h");
        };
    }
}
