package org.pmpledger.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.pmpledger.command.refusal.CommandRefused;
import org.pmpledger.events.plan.PlanStatus;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;

/** Who may send a command, as its class declares it: the declaration itself, and each family's decision. */
class CommandAccessTest {

    @Authorized(value = Access.STATE_ADMIN, rule = "state-admin-only", refusal = "Only a STATE_ADMIN does this.")
    record StateAdminCommand() {}

    @Authorized(Access.STATE_ADMIN)
    record StateAdminCommandWithoutItsRule() {}

    record UndeclaredCommand() {}

    @Authorized(Access.PLANS_REGION)
    record RegionCommand() {}

    @Authorized(Access.PLANS_AGENCY_UNTIL_CLOSED)
    record CorrectionCommand() {}

    private static Caller caller(Role role, String lcsa, String region) {
        return new Caller("someone", Set.of(role), lcsa, region, "test");
    }

    private static String rule(Runnable decision) {
        try {
            decision.run();
        } catch (CommandRefused refused) {
            assertThat(refused.kind()).isEqualTo(CommandRefused.Kind.FORBIDDEN);
            return refused.rule();
        }
        return null;
    }

    @Test
    void aCommandThatDoesNotSayWhoMaySendItIsNeverDecided() {
        assertThatThrownBy(() -> CommandAccess.of(UndeclaredCommand.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@Authorized");
    }

    @Test
    void aStateAdminCommandNamesTheRuleItsRefusalIsTold() {
        assertThatThrownBy(() -> CommandAccess.of(StateAdminCommandWithoutItsRule.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rule");
    }

    @Test
    void aStateAdminCommandIsRefusedToAnyoneElseWithItsDeclaredRule() {
        assertThat(rule(() -> CommandAccess.beforeHandling(new StateAdminCommand(), caller(Role.ANALYST, null, null))))
                .isEqualTo("state-admin-only");
        assertThatCode(() ->
                        CommandAccess.beforeHandling(new StateAdminCommand(), caller(Role.STATE_ADMIN, null, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyARegionalAdminOfThePlansRegionReviewsIt() {
        assertThat(rule(() -> CommandAccess.onPlan(
                        new RegionCommand(),
                        caller(Role.REGIONAL_ADMIN, null, "Southern"),
                        "ALAMEDA",
                        PlanStatus.SUBMITTED,
                        () -> "Northern")))
                .isEqualTo("regional-admin-of-the-plans-region");
        assertThatCode(() -> CommandAccess.onPlan(
                        new RegionCommand(),
                        caller(Role.REGIONAL_ADMIN, null, "Northern"),
                        "ALAMEDA",
                        PlanStatus.SUBMITTED,
                        () -> "Northern"))
                .doesNotThrowAnyException();
    }

    @Test
    void theRegionIsLookedUpOnlyForARegionCommand() {
        assertThatCode(() -> CommandAccess.onPlan(
                        new CorrectionCommand(),
                        caller(Role.LCSA_EDITOR, "ALAMEDA", null),
                        "ALAMEDA",
                        PlanStatus.APPROVED,
                        () -> {
                            throw new AssertionError("the region was looked up");
                        }))
                .doesNotThrowAnyException();
    }

    @Test
    void aClosedPlanIsCorrectedByAStateAdminOnly() {
        assertThat(rule(() -> CommandAccess.onPlan(
                        new CorrectionCommand(),
                        caller(Role.LCSA_EDITOR, "ALAMEDA", null),
                        "ALAMEDA",
                        PlanStatus.CLOSED,
                        () -> null)))
                .isEqualTo("closed-plan-corrected-by-state-admin-only");
        assertThatCode(() -> CommandAccess.onPlan(
                        new CorrectionCommand(),
                        caller(Role.STATE_ADMIN, null, null),
                        "ALAMEDA",
                        PlanStatus.CLOSED,
                        () -> null))
                .doesNotThrowAnyException();
    }
}
