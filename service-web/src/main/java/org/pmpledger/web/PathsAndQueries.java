package org.pmpledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ids in paths and instants and dates in queries, read the same way by every endpoint: an id of the wrong kind (a
 * cycle's id where a plan's belongs, anything that is not a UUID) names nothing, so it is a 404 before any handler
 * runs; an instant or date outside the years the API knows is a 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class PathsAndQueries implements WebMvcConfigurer {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Set<String> uuidVariables;

    /** @param uuidVariables the path variables that hold UUIDs in this service, e.g. planId, entryId, tacticId */
    PathsAndQueries(@Value("${pmp.paths.uuid-variables:}") Set<String> uuidVariables) {
        this.uuidVariables = Set.copyOf(uuidVariables);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, BoundedTime::instant);
        registry.addConverter(String.class, LocalDate.class, BoundedTime::date);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (!uuidVariables.isEmpty()) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                        throws Exception {
                    return idsNameSomething(request, response);
                }
            });
        }
    }

    private boolean idsNameSomething(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
            return true;
        }
        for (String name : uuidVariables) {
            if (variables.get(name) instanceof String id && !UUID.matcher(id).matches()) {
                ProblemJson.write(
                        response,
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        "No " + name.replace("Id", "") + " has the id " + shown(id) + ": its ids are UUIDs.",
                        List.of(ApiProblems.fieldError(name, "must be a UUID")));
                return false;
            }
        }
        return true;
    }

    private static String shown(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "..." : id;
    }
}
