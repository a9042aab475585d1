package org.pmpledger.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the JWT's subject, roles, agency ({@code lcsa}), region and client app. The same
 * facts travel with every command as metadata and are stored with every event it causes.
 *
 * @param lcsa   the agency code for agency roles; {@code "*"} for a statewide service app; else null
 * @param region the region for Regional Administrators; else null
 */
public record Caller(String subject, Set<Role> roles, String lcsa, String region, String clientId) {

    public static final String ANY_AGENCY = "*";

    /** Metadata keys under which a caller travels with commands and events. */
    public static final String SUBJECT = "subject";

    public static final String ROLES = "roles";
    public static final String LCSA = "lcsa";
    public static final String REGION = "region";
    public static final String CLIENT_ID = "clientId";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken());
        }
        throw new IllegalStateException("no authenticated caller");
    }

    public static Caller fromJwt(Jwt jwt) {
        String clientId = jwt.getClaimAsString("azp");
        if (clientId == null) {
            clientId = jwt.getClaimAsString("client_id");
        }
        return new Caller(
                jwt.getSubject(),
                rolesOf(jwt.getClaim(ROLES)),
                jwt.getClaimAsString(LCSA),
                jwt.getClaimAsString(REGION),
                clientId);
    }

    /** Reads a caller back from command or event metadata written by {@link #toMap()}. */
    public static Caller fromMap(Map<String, ?> metadata) {
        return new Caller(
                (String) metadata.get(SUBJECT),
                rolesOf(metadata.get(ROLES)),
                (String) metadata.get(LCSA),
                (String) metadata.get(REGION),
                (String) metadata.get(CLIENT_ID));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(SUBJECT, subject);
        map.put(ROLES, roles.stream().map(Role::name).sorted().toList());
        if (lcsa != null) {
            map.put(LCSA, lcsa);
        }
        if (region != null) {
            map.put(REGION, region);
        }
        if (clientId != null) {
            map.put(CLIENT_ID, clientId);
        }
        return map;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * May act for this agency's plan: its own LCSA_EDITOR, a SERVICE app whose {@code lcsa} claim is that
     * agency, or a statewide SERVICE app ({@code lcsa: "*"}) that also carries STATE_ADMIN.
     */
    public boolean actsFor(String agency) {
        return (has(Role.LCSA_EDITOR) && agency.equals(lcsa))
                || (has(Role.SERVICE) && agency.equals(lcsa))
                || (has(Role.SERVICE) && ANY_AGENCY.equals(lcsa) && has(Role.STATE_ADMIN));
    }

    /** Reads every agency's plans and reports. */
    public boolean readsStatewide() {
        return has(Role.STATE_ADMIN)
                || has(Role.ANALYST)
                || has(Role.AUDITOR)
                || has(Role.REGIONAL_ADMIN)
                || (has(Role.SERVICE) && ANY_AGENCY.equals(lcsa));
    }

    public boolean reads(String agency) {
        return readsStatewide() || agency.equals(lcsa);
    }

    private static Set<Role> rolesOf(Object claim) {
        Collection<?> values = switch (claim) {
            case null -> List.of();
            case Collection<?> c -> c;
            case String s -> List.of(s.split("[ ,]+"));
            default -> List.of();
        };
        List<Role> roles = new ArrayList<>();
        for (Object value : values) {
            String name = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles.stream().collect(Collectors.toUnmodifiableSet());
    }
}
