package org.pmpledger.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.function.SingletonSupplier;

/**
 * Both services are OAuth2 resource servers: every API call carries a JWT whose {@code roles} claim
 * becomes Spring authorities ({@code ROLE_STATE_ADMIN}, ...). The issuer is configured with Spring's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties; a local installation instead sets
 * {@code pmp.security.local-key-dir} and the services trust the key kept there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputLimitSettings.class)
@Import({RequestBodies.class, ProblemPages.class, ProblemTypePages.class, PathsAndQueries.class, LocalOnly.class})
public class ServiceSecurity {

    static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/asyncapi.json",
        "/problems",
        "/problems/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/dev/tokens",
        "/error"
    };

    /** The metrics, on the API's port: for readers of the whole state (on a management port of its own: open). */
    static final String[] METRICS_PATHS = {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**"};

    /** A token whose {@code roles} claim names none of the API's roles reaches no endpoint of the API. */
    private static final String[] ROLE_NAMES =
            Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    /** The input limits run first, before security reads a token or a body. */
    @Bean
    FilterRegistrationBean<InputLimits> inputLimits(InputLimitSettings settings) {
        FilterRegistrationBean<InputLimits> registration = new FilterRegistrationBean<>(new InputLimits(settings));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The OpenAPI documents' shared headers and problem answers. */
    @Bean
    ApiDocumentation apiDocumentation() {
        return new ApiDocumentation();
    }

    @Bean
    ManagementPort managementPort() {
        return new ManagementPort();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ObjectProvider<PathRoles> pathRoles,
            ObjectProvider<OpenPaths> openPaths,
            ManagementPort managementPort)
            throws Exception {
        AuthProblems problems = new AuthProblems();
        // a stateless JSON API: no CSRF, sessions, logout page, saved requests or servlet-API wrappers (each a filter
        // every request passes through)
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_PATHS).permitAll();
                    openPaths
                            .orderedStream()
                            .forEach(open -> requests.requestMatchers(
                                            open.patterns().toArray(String[]::new))
                                    .permitAll());
                    requests.requestMatchers(managementPort).permitAll();
                    requests.requestMatchers(METRICS_PATHS)
                            .hasAnyRole(Role.STATE_ADMIN.name(), Role.ANALYST.name(), Role.AUDITOR.name());
                    pathRoles
                            .orderedStream()
                            .flatMap(roles -> roles.rules().stream())
                            .forEach(rule -> requests.requestMatchers(rule.method(), rule.pattern())
                                    .access(rule.manager()));
                    requests.requestMatchers("/api/**")
                            .hasAnyRole(ROLE_NAMES)
                            .anyRequest()
                            .authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesClaimConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    static JwtAuthenticationConverter rolesClaimConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (Role role : Caller.fromJwt(jwt).roles()) {
                authorities.add(new SimpleGrantedAuthority(role.authority()));
            }
            return authorities;
        });
        return converter;
    }

    /** Every JWT decoder, the local one or Spring Boot's for a configured issuer, remembers the tokens it verified. */
    @Bean
    static BeanPostProcessor verifiedTokensKept() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder)
                        : bean;
            }
        };
    }

    /**
     * No observation (trace span, timer) around each security filter and each authentication: they cost more CPU
     * than the filters themselves. Requests are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Trusts the key of a local installation. The key is read at the first request, so query-service
     * may start before command-service has made it.
     */
    @Bean
    @ConditionalOnProperty("pmp.security.local-key-dir")
    JwtDecoder localKeyJwtDecoder(
            @Value("${pmp.security.local-key-dir}") Path keyDirectory,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") List<String> audiences) {
        Supplier<JwtDecoder> decoder = SingletonSupplier.of(() -> {
            try {
                NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(
                                LocalKeys.loadPublic(keyDirectory).toRSAPublicKey())
                        .build();
                nimbus.setJwtValidator(
                        audiences.isEmpty()
                                ? JwtValidators.createDefaultWithIssuer(LocalKeys.ISSUER)
                                : new DelegatingOAuth2TokenValidator<>(
                                        JwtValidators.createDefaultWithIssuer(LocalKeys.ISSUER),
                                        new JwtClaimValidator<List<String>>(
                                                JwtClaimNames.AUD,
                                                aud -> aud != null
                                                        && aud.stream().anyMatch(audiences::contains))));
                // the local issuer is a name, not a URL: keep it a string (the default conversion to URL throws and
                // catches an exception on every token)
                nimbus.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                        Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
                return nimbus;
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
        return token -> decoder.get().decode(token);
    }
}
