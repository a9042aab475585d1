package org.pmpledger.web;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The local profile's conveniences (tokens from {@code /dev/tokens}, demo time) belong to one machine: its services
 * listen on loopback and ignore forwarded headers (both in each service's {@code application.yml}), and they refuse to
 * start where a cloud platform runs them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ComponentScan("org.pmpledger.web.local")
class LocalOnly {

    LocalOnly(Environment environment) {
        CloudPlatform platform = CloudPlatform.getActive(environment);
        if (platform != null && platform != CloudPlatform.NONE) {
            throw new IllegalStateException(
                    "The local profile hands out tokens to anyone on the machine; it does not start "
                            + "on " + platform + ". Run without the local profile and configure the JWT issuer "
                            + "(spring.security.oauth2.resourceserver.jwt.issuer-uri).");
        }
    }
}
