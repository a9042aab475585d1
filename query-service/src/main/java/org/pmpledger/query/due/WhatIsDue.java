package org.pmpledger.query.due;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import org.pmpledger.query.agency.Agencies;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.freshness.Today;
import org.pmpledger.query.scope.ReadScope;

/** What is due for a reader's scope and a region, as of today in California: one answer for every way it is read. */
@Component
class WhatIsDue {

    private final DueQueries queries;
    private final Agencies agencies;
    private final Clock clock;

    WhatIsDue(DueQueries queries, Agencies agencies, Clock clock) {
        this.queries = queries;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Refused (400) unless the region is one the agencies belong to; null passes. */
    void requireKnownRegion(String region) {
        agencies.requireKnownRegion("region", region);
    }

    DueAnswer answer(ReadScope scope, String region, int days, Reflects reflects, String fileName) {
        LocalDate today = Today.in(clock);
        List<DueItem> items = queries.due(scope, region, today, days);
        return new DueAnswer(
                today,
                days,
                reflects,
                (int) items.stream().filter(DueItem::overdue).count(),
                items,
                fileName);
    }
}
