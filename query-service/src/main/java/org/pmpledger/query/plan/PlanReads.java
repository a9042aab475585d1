package org.pmpledger.query.plan;

import org.springframework.stereotype.Component;

import org.pmpledger.document.PlanDocument;
import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.scope.ReadScope;
import org.pmpledger.web.RequestRefused;

/**
 * One plan's document as a caller reads it, whatever the format: after a bounded wait for {@code minVersion}, refused
 * when unknown or of an agency the caller does not read.
 */
@Component
public class PlanReads {

    private final PlanQueries plans;
    private final PlanDocuments documents;
    private final Freshness freshness;

    PlanReads(PlanQueries plans, PlanDocuments documents, Freshness freshness) {
        this.plans = plans;
        this.documents = documents;
        this.freshness = freshness;
    }

    /**
     * @param minVersion the version to wait for (bounded), else 503 with Retry-After; null: none
     */
    public PlanDocument read(String planId, Long minVersion) {
        if (minVersion != null
                && !freshness.awaitUntil(() ->
                        plans.find(planId).map(p -> p.version() >= minVersion).orElse(false))
                && plans.find(planId).isPresent()) {
            throw freshness.notReached("The plan has not reached version " + minVersion);
        }
        PlanDocument plan = documents
                .find(planId)
                .orElseThrow(() -> RequestRefused.notFound("No plan " + planId
                        + (minVersion == null
                                ? " (yet): pass minVersion=1 to wait for a plan just drafted."
                                : ": the projections have not seen it within the wait.")));
        ReadScope.requireReads(plan.lcsa());
        return plan;
    }
}
