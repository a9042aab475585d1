package org.pmpledger.command.audit;

import java.util.List;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.pmpledger.web.Caller;
import org.pmpledger.web.PathRoles;
import org.pmpledger.web.PathRoles.Rule;
import org.pmpledger.web.Role;

/**
 * Who reads the audit log, declared once: AUDITOR and STATE_ADMIN read it, only a STATE_ADMIN records a checkpoint;
 * and every read let through is recorded before it is answered (who, which app, what, when).
 */
@Configuration(proxyBeanMethods = false)
class AuditAccess implements WebMvcConfigurer {

    static final String PATHS = "/api/v1/audit/**";

    private final AuditReads reads;

    AuditAccess(AuditReads reads) {
        this.reads = reads;
    }

    @Bean
    PathRoles auditRoles() {
        return new PathRoles(List.of(
                new Rule(
                        HttpMethod.POST,
                        "/api/v1/audit/checkpoints",
                        Set.of(Role.STATE_ADMIN),
                        "state-admin-records-checkpoints",
                        "Only a STATE_ADMIN records a checkpoint."),
                new Rule(
                        null,
                        PATHS,
                        Set.of(Role.AUDITOR, Role.STATE_ADMIN),
                        "auditors-only",
                        "Only an AUDITOR or STATE_ADMIN reads the audit log.")));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (HttpMethod.GET.matches(request.getMethod())) {
                            reads.record(Caller.current(), request);
                        }
                        return true;
                    }
                })
                .addPathPatterns(PATHS);
    }
}
