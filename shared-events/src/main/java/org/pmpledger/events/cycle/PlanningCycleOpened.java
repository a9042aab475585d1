package org.pmpledger.events.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pmpledger.events.EventRevision;

/**
 * DCSS opened the performance-improvement cycle of a federal fiscal year: its goals and objectives,
 * key initiatives, practice indicators, due dates and the rules a plan must meet to be submitted.
 *
 * <p>Revision 3 added {@link PracticeIndicator#minimum()} (a revision-2 indicator reads as having none); revision 2
 * added {@link KeyInitiative#thresholdIndicator()}; older revisions are upcast by
 * {@link org.pmpledger.events.upcasting.EventUpcasts}.
 *
 * @param quarterDueDates null where the letter gives none (FFY 2017)
 * @param openedAt        when the system recorded it
 */
@EventRevision(3)
public record PlanningCycleOpened(
        String cycleId,
        int ffy,
        LocalDate planDueDate,
        QuarterDueDates quarterDueDates,
        List<StrategicGoal> goals,
        List<KeyInitiative> keyInitiatives,
        List<PracticeIndicator> indicators,
        List<SubmissionRule> submissionRules,
        Instant openedAt)
        implements CycleEvent {

    public record QuarterDueDates(LocalDate q1, LocalDate q2, LocalDate q3, LocalDate q4) {}

    /** @param objectives empty where the cycle lists none: plans then name their own */
    public record StrategicGoal(int number, String title, List<Objective> objectives) {}

    public record Objective(int number, String title) {}

    /**
     * @param threshold          for {@link InitiativeRequirement#BELOW_PATERNITY_THRESHOLD}: the value below which
     *                           the initiative is required of an agency
     * @param thresholdIndicator the cycle indicator whose agency values (RecordAgencyIndicatorValues) are compared
     *                           with the threshold; null for ALL (revision 2)
     */
    public record KeyInitiative(
            String code,
            String title,
            InitiativeRequirement required,
            BigDecimal threshold,
            String thresholdIndicator,
            List<SubInitiative> subInitiatives) {}

    public record SubInitiative(String code, String title) {}

    public enum InitiativeRequirement {
        ALL,
        BELOW_PATERNITY_THRESHOLD
    }

    /**
     * @param minimum the least value the state or federal program accepts, for an indicator where higher is better
     *                (a floor the comparisons draw as a rule), in the indicator's unit; null where it has none
     *                (revision 3)
     */
    public record PracticeIndicator(
            String code, String title, MeasureUnit unit, Direction direction, BigDecimal minimum) {

        /** An indicator without a minimum. */
        public PracticeIndicator(String code, String title, MeasureUnit unit, Direction direction) {
            this(code, title, unit, direction, null);
        }

        /** The word whose presence in an indicator's title makes it the paternity-establishment indicator. */
        public static final String PATERNITY = "paternity";

        /** Whether this indicator measures paternity establishment: its title names paternity. */
        public boolean measuresPaternity() {
            return isPaternityTitle(title);
        }

        public static boolean isPaternityTitle(String title) {
            return title != null && title.toLowerCase(Locale.ROOT).contains(PATERNITY);
        }

        /**
         * The indicator whose agency values decide a {@link InitiativeRequirement#BELOW_PATERNITY_THRESHOLD} initiative when it
         * names none: the first of the cycle's indicators that measures paternity establishment.
         */
        public static Optional<String> paternityIndicatorIn(List<PracticeIndicator> indicators) {
            return indicators.stream()
                    .filter(PracticeIndicator::measuresPaternity)
                    .map(PracticeIndicator::code)
                    .findFirst();
        }
    }

    public enum MeasureUnit {
        PERCENT,
        COUNT,
        CURRENCY,
        RATIO
    }

    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER
    }

    public enum SubmissionRule {
        EVERY_GOAL_ADDRESSED,
        MEASURABLE_TARGET_REQUIRED,
        REQUIRED_INITIATIVES_COVERED
    }
}
