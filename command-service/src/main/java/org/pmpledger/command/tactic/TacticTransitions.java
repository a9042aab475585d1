package org.pmpledger.command.tactic;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.pmpledger.events.plan.TacticStatus;

/**
 * Which status a tactic may move to from where it stands. A completed tactic may only be reopened
 * (back to IN_PROGRESS, with a comment saying why).
 */
public final class TacticTransitions {

    private static final Map<TacticStatus, Set<TacticStatus>> ALLOWED = Map.of(
            TacticStatus.NOT_STARTED,
                    EnumSet.of(TacticStatus.IN_PROGRESS, TacticStatus.ON_HOLD, TacticStatus.COMPLETED),
            TacticStatus.IN_PROGRESS, EnumSet.of(TacticStatus.ON_HOLD, TacticStatus.COMPLETED),
            TacticStatus.ON_HOLD, EnumSet.of(TacticStatus.IN_PROGRESS, TacticStatus.COMPLETED),
            TacticStatus.COMPLETED, EnumSet.of(TacticStatus.IN_PROGRESS));

    private TacticTransitions() {}

    public static Set<TacticStatus> from(TacticStatus status) {
        return ALLOWED.get(status);
    }

    public static boolean allowed(TacticStatus from, TacticStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static boolean reopens(TacticStatus from, TacticStatus to) {
        return from == TacticStatus.COMPLETED && to != TacticStatus.COMPLETED;
    }
}
