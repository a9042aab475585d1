package org.pmpledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The production compose file: the built images, no local profile, no password written in it. */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("compose.yaml");

    @Test
    void bothServicesRunTheirImagesWithoutTheLocalProfile() throws IOException {
        JsonNode services = compose().get("services");
        for (String service : new String[] {"command-service", "query-service"}) {
            JsonNode definition = services.get(service);
            assertThat(definition.get("image").asText()).startsWith("pmp-ledger/" + service + ":");
            assertThat(definition.toString())
                    .doesNotContain("local")
                    .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
        }
    }

    @Test
    void everyPasswordComesFromTheEnvironmentAndIsRequired() throws IOException {
        Matcher passwords =
                Pattern.compile("(?m)^\\s*[A-Z_]*PASSWORD[A-Z_]*:\\s*(.*)$").matcher(Files.readString(COMPOSE));
        int found = 0;
        while (passwords.find()) {
            found++;
            assertThat(passwords.group(1)).as(passwords.group()).matches("\\$\\{[A-Z_]+:\\?[^}]*}");
        }
        assertThat(found).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theFilesItMountsExist() throws IOException {
        Matcher mounts = Pattern.compile("- (\\.\\./[^:]+):").matcher(Files.readString(COMPOSE));
        int found = 0;
        while (mounts.find()) {
            found++;
            assertThat(COMPOSE.toAbsolutePath().getParent().resolve(mounts.group(1)))
                    .as(mounts.group(1))
                    .exists();
        }
        assertThat(found).isPositive();
    }

    @Test
    void noScriptHandsAPsqlVariableToACommandStringWhichPsqlWouldNotReplace() throws IOException {
        for (String line : Files.readAllLines(COMPOSE)) {
            assertThat(line.contains(" -c ") && line.contains(":'")).as(line).isFalse();
        }
    }

    private static JsonNode compose() throws IOException {
        return Manifests.YAML.readTree(COMPOSE.toFile());
    }
}
