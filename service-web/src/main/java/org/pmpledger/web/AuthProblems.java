package org.pmpledger.web;

import java.io.IOException;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as {@code application/problem+json}, like every other refusal. */
final class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemJson.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "A valid bearer token (JWT) is required: send Authorization: Bearer <token>.",
                List.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        PathRoles.Rule rule = PathRoles.refusedBy(request);
        if (rule != null) {
            ProblemJson.write(response, HttpStatus.FORBIDDEN, rule.rule(), rule.detail(), List.of());
            return;
        }
        ProblemJson.write(
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Your role does not allow this request: the API needs one of " + List.of(Role.values()) + ".",
                List.of());
    }
}
