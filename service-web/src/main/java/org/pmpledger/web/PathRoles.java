package org.pmpledger.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Which roles a service's paths need, declared once per service (a bean of this type) and enforced by the security
 * filter chain before any handler, id check or body reading runs. A refusal names the rule. Paths no rule names need
 * any role of the API; rules that depend on the plan's agency or region are the aggregates' own.
 */
public record PathRoles(List<Rule> rules) {

    /** The request attribute that carries the rule a caller was refused by, for the 403 problem. */
    static final String REFUSED_BY = PathRoles.class.getName() + ".refusedBy";

    /**
     * @param method  the method, or null for every method
     * @param pattern the path pattern, e.g. {@code /api/v1/audit/**}
     * @param rule    the rule's name in kebab-case, the refusal's problem type
     * @param detail  the refusal in words
     */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles, String rule, String detail) {

        public Rule {
            roles = Set.copyOf(roles);
        }

        AuthorizationManager<RequestAuthorizationContext> manager() {
            Set<String> authorities = roles.stream().map(Role::authority).collect(Collectors.toSet());
            return (authentication, context) -> {
                boolean granted = authentication.get() != null
                        && authentication.get().getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .anyMatch(authorities::contains);
                if (!granted) {
                    context.getRequest().setAttribute(REFUSED_BY, this);
                }
                return new AuthorizationDecision(granted);
            };
        }
    }

    public PathRoles {
        rules = List.copyOf(rules);
    }

    static Rule refusedBy(HttpServletRequest request) {
        return request.getAttribute(REFUSED_BY) instanceof Rule rule ? rule : null;
    }
}
