package org.pmpledger.query;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import org.pmpledger.web.ServiceObservability;
import org.pmpledger.web.ServiceSecurity;

/** PMP Ledger's read side: projections folded from the plan-events topic, served over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({ServiceSecurity.class, ServiceObservability.class})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "PMP Ledger query service",
                        version = "v1",
                        description =
                                "Plans and reports, folded from the events on Kafka. Pass minVersion (one plan) to read your own write."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
