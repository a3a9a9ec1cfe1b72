package org.govchat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.govchat.GovchatApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class SovereigntyTests {

    private final SovereigntyPolicy policy = new SovereigntyPolicy(
            new ModelProperties.Sovereignty(List.of("localhost", "10.0.0.5", "*.internal", "[::1]")));

    @Test
    void exactHostsAndWildcardSuffixesAreAllowed() {
        assertThat(policy.allows("localhost")).isTrue();
        assertThat(policy.allows("LOCALHOST")).isTrue();
        assertThat(policy.allows("10.0.0.5")).isTrue();
        assertThat(policy.allows("gpu.internal")).isTrue();
        assertThat(policy.allows("a.b.internal")).isTrue();
        assertThat(policy.allows("[::1]")).isTrue();
    }

    @Test
    void everythingElseIsRefused() {
        assertThat(policy.allows("internal")).isFalse();
        assertThat(policy.allows("evilinternal")).isFalse();
        assertThat(policy.allows("gpu.internal.example.com")).isFalse();
        assertThat(policy.allows("10.0.0.50")).isFalse();
        assertThat(policy.allows("api.openai.com")).isFalse();
    }

    @Test
    void aRefusedBackendIsNamedWithItsHost() {
        assertThatThrownBy(() -> policy.check("gpu-pool", URI.create("https://models.example.com/v1")))
                .hasMessageContaining("gpu-pool")
                .hasMessageContaining("models.example.com");
    }

    @Test
    void theApplicationRefusesToStartWhenABackendLeavesTheAllowedHosts() {
        var app = new SpringApplicationBuilder(GovchatApplication.class)
                .properties(
                        "server.port=0",
                        "govchat.backends.gpu-pool.type=openai-compatible",
                        "govchat.backends.gpu-pool.base-url=https://llm.example.com/v1",
                        "govchat.backends.gpu-pool.default-model=some-model",
                        "govchat.sovereignty.allowed-hosts=localhost,127.0.0.1");

        assertThatThrownBy(app::run)
                .rootCause()
                .hasMessageContaining("Backend 'gpu-pool'")
                .hasMessageContaining("'llm.example.com'")
                .hasMessageContaining("govchat.sovereignty.allowed-hosts");
    }
}
