package org.pmpledger.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The local profile's conveniences stay on one machine: they refuse to start where a cloud platform runs them. */
class LocalOnlyTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void theLocalProfileRefusesToStartOnACloudPlatform() {
        assertThatThrownBy(() -> new LocalOnly(environment(Map.of("spring.main.cloud-platform", "kubernetes"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KUBERNETES");
    }

    @Test
    void theLocalProfileStartsOnAPlainMachine() {
        assertThatCode(() -> new LocalOnly(environment(Map.of("spring.main.cloud-platform", "none"))))
                .doesNotThrowAnyException();
    }
}
