package org.pmpledger.command.assistance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.pmpledger.command.access.Access;
import org.pmpledger.command.access.Authorized;

/** The plan's agency, the Regional Administrator of its region or DCSS Executive Staff comment on a request. */
@Authorized(Access.PLANS_PARTIES)
public record CommentOnAssistanceRequest(
        @TargetAggregateIdentifier String planId, String requestId, String comment) {}
