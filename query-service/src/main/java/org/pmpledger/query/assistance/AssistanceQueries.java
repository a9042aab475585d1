package org.pmpledger.query.assistance;

import static org.pmpledger.query.jooq.Tables.ASSISTANCE_REQUEST;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import org.pmpledger.events.plan.AssistanceStatus;
import org.pmpledger.query.agency.Agencies;
import org.pmpledger.query.assistance.AssistanceAnswer.RegionSummary;
import org.pmpledger.query.assistance.AssistanceAnswer.Request;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.freshness.Today;
import org.pmpledger.query.jooq.tables.records.AssistanceRequestRecord;
import org.pmpledger.query.scope.ReadScope;

/** Reads requests for state assistance: filtered, aged against today, summed per region. */
@Component
class AssistanceQueries {

    private final DSLContext db;
    private final Agencies agencies;

    AssistanceQueries(DSLContext db, Agencies agencies) {
        this.db = db;
        this.agencies = agencies;
    }

    /**
     * @param open   true: only requests not RESOLVED; false: only RESOLVED ones; null: all
     * @param status only requests in this status (null: any)
     */
    record Filter(Integer ffy, String region, String status, Boolean open, ReadScope scope) {}

    AssistanceAnswer requests(Filter filter, LocalDate today, Reflects reflects) {
        Condition where = DSL.trueCondition();
        if (filter.scope().none()) {
            where = DSL.falseCondition();
        } else if (filter.scope().lcsa() != null) {
            where = where.and(ASSISTANCE_REQUEST.LCSA.eq(filter.scope().lcsa()));
        }
        if (filter.ffy() != null) {
            where = where.and(ASSISTANCE_REQUEST.FFY.eq(filter.ffy()));
        }
        if (filter.region() != null) {
            where = where.and(ASSISTANCE_REQUEST.LCSA.in(agencies.inRegion(filter.region())));
        }
        if (filter.status() != null) {
            where = where.and(ASSISTANCE_REQUEST.STATUS.eq(filter.status()));
        }
        if (filter.open() != null) {
            Condition resolved = ASSISTANCE_REQUEST.STATUS.eq(AssistanceStatus.RESOLVED.name());
            where = where.and(filter.open() ? resolved.not() : resolved);
        }
        List<Request> requests = new ArrayList<>();
        for (AssistanceRequestRecord r : db.selectFrom(ASSISTANCE_REQUEST)
                .where(where)
                .orderBy(ASSISTANCE_REQUEST.REQUESTED_AT, ASSISTANCE_REQUEST.REQUEST_ID)
                .fetch()) {
            LocalDate raisedOn = LocalDate.ofInstant(r.getRequestedAt().toInstant(), Today.CALIFORNIA);
            boolean open = !AssistanceStatus.RESOLVED.name().equals(r.getStatus());
            requests.add(new Request(
                    r.getLcsa(),
                    agencies.regionOf(r.getLcsa()),
                    r.getPlanId(),
                    r.getFfy(),
                    r.getRequestId(),
                    r.getEntryId(),
                    r.getTacticId(),
                    r.getNeed(),
                    r.getFromWhom(),
                    r.getNeededBy(),
                    r.getStatus(),
                    r.getRaisedBy(),
                    r.getRequestedAt().toInstant(),
                    r.getUpdatedAt().toInstant(),
                    (int) ChronoUnit.DAYS.between(raisedOn, today),
                    open && r.getNeededBy().isBefore(today)));
        }
        return new AssistanceAnswer(today, reflects, byRegion(requests), requests);
    }

    private static Map<String, RegionSummary> byRegion(List<Request> requests) {
        Map<String, List<Request>> open = new TreeMap<>();
        for (Request r : requests) {
            if (!AssistanceStatus.RESOLVED.name().equals(r.status())) {
                open.computeIfAbsent(String.valueOf(r.region()), region -> new ArrayList<>())
                        .add(r);
            }
        }
        Map<String, RegionSummary> summaries = new LinkedHashMap<>();
        open.forEach((region, inRegion) -> {
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (AssistanceStatus status : AssistanceStatus.values()) {
                if (status != AssistanceStatus.RESOLVED) {
                    byStatus.put(status.name(), (int) inRegion.stream()
                            .filter(r -> r.status().equals(status.name()))
                            .count());
                }
            }
            summaries.put(
                    region,
                    new RegionSummary(
                            inRegion.size(),
                            (int) inRegion.stream().filter(Request::overdue).count(),
                            byStatus,
                            inRegion.stream().mapToInt(Request::ageDays).max().orElseThrow()));
        });
        return summaries;
    }
}
