package org.pmpledger.command.audit;

import static org.pmpledger.command.jooq.Tables.AUDIT_READ;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.web.Caller;

/** Records each audit read (who, which app, what, when) in its own table, and lists them for auditors. */
@Component
class AuditReads {

    private final DSLContext db;
    private final Clock clock;
    private final MeterRegistry meters;

    AuditReads(DSLContext db, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.clock = clock;
        this.meters = meters;
    }

    void record(Caller caller, HttpServletRequest request) {
        String what = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        db.insertInto(AUDIT_READ)
                .set(AUDIT_READ.SUBJECT, caller.subject())
                .set(
                        AUDIT_READ.ROLES,
                        caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .set(AUDIT_READ.CLIENT_ID, caller.clientId())
                .set(AUDIT_READ.WHAT, what.length() > 2000 ? what.substring(0, 2000) : what)
                .set(AUDIT_READ.READ_AT, OffsetDateTime.now(clock))
                .execute();
        Counter.builder("pmp.audit.reads")
                .description("Audit reads recorded, by the role that read")
                .tag(
                        "role",
                        caller.roles().stream()
                                .map(Enum::name)
                                .sorted()
                                .findFirst()
                                .orElse("NONE"))
                .register(meters)
                .increment();
    }

    List<Map<String, Object>> latest(int limit) {
        return db.selectFrom(AUDIT_READ)
                .orderBy(AUDIT_READ.READ_ID.desc())
                .limit(limit)
                .fetch(r -> Map.<String, Object>of(
                        "subject",
                        r.getSubject(),
                        "roles",
                        r.getRoles(),
                        "clientId",
                        r.getClientId() == null ? "" : r.getClientId(),
                        "what",
                        r.getWhat(),
                        "readAt",
                        r.getReadAt().toInstant()));
    }
}
