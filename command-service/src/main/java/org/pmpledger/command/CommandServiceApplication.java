package org.pmpledger.command;

import java.util.Map;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import org.pmpledger.web.ServiceObservability;
import org.pmpledger.web.ServiceSecurity;

/** PMP Ledger's write side: commands over HTTP, decided by Axon aggregates, stored as events. */
@SpringBootApplication
@Import({ServiceSecurity.class, ServiceObservability.class})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "PMP Ledger command service",
                        version = "v1",
                        description =
                                "Commands on planning cycles and Performance Management Plans. Every command answers "
                                        + "{id, version, position}; errors are application/problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class CommandServiceApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CommandServiceApplication.class);
        app.setDefaultProperties(Map.of("axoniq.update-checker.disabled", "true"));
        app.run(args);
    }
}
