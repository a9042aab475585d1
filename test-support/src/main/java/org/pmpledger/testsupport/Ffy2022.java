package org.pmpledger.testsupport;

import java.util.List;
import java.util.Map;

/** The FFY 2021/2022 cycle of CSSP Letter 21-04, as an OpenPlanningCycle body (abridged where tests need less). */
public final class Ffy2022 {

    private Ffy2022() {}

    public static Map<String, Object> openCycle(int ffy) {
        return Map.of(
                "ffy", ffy,
                "planDueDate", (ffy - 1) + "-09-15",
                "quarterDueDates",
                        Map.of("Q1", ffy + "-01-31", "Q2", ffy + "-05-02", "Q3", ffy + "-08-01", "Q4", ffy + "-10-31"),
                "goals",
                        List.of(
                                Map.of(
                                        "number",
                                        1,
                                        "title",
                                        "Facilitate Consistent Support for Children",
                                        "objectives",
                                        List.of(
                                                Map.of(
                                                        "number",
                                                        1,
                                                        "title",
                                                        "Increase child support collections and payment reliability"),
                                                Map.of(
                                                        "number",
                                                        2,
                                                        "title",
                                                        "Recognize and provide individualized services to customers"))),
                                Map.of(
                                        "number",
                                        3,
                                        "title",
                                        "Enhance Program Performance",
                                        "objectives",
                                        List.of(
                                                Map.of(
                                                        "number",
                                                        1,
                                                        "title",
                                                        "Promote consistency of processes statewide"),
                                                Map.of(
                                                        "number",
                                                        2,
                                                        "title",
                                                        "Implement organization and program efficiencies")))),
                "keyInitiatives",
                        List.of(
                                Map.of("code", "1", "title", "Improve Service Delivery", "required", "ALL"),
                                Map.of(
                                        "code",
                                        "4",
                                        "title",
                                        "Paternity Establishment",
                                        "required",
                                        "BELOW_PATERNITY_THRESHOLD",
                                        "threshold",
                                        90,
                                        "thresholdIndicator",
                                        "SPM-7")),
                "indicators",
                        List.of(
                                Map.of(
                                        "code",
                                        "SPM-2",
                                        "title",
                                        "Percent of cases with collections for current child support",
                                        "unit",
                                        "PERCENT",
                                        "direction",
                                        "HIGHER_IS_BETTER",
                                        "minimum",
                                        59),
                                Map.of(
                                        "code",
                                        "SPM-7",
                                        "title",
                                        "Paternity establishment",
                                        "unit",
                                        "PERCENT",
                                        "direction",
                                        "HIGHER_IS_BETTER")),
                "submissionRules", List.of("REQUIRED_INITIATIVES_COVERED"));
    }

    /**
     * An AddPlanEntry body for goal 1 objective 1 serving key initiative 1 and measuring SPM-2: with it
     * (and no paternity values below the threshold) a plan meets the cycle's submission rule.
     */
    public static Map<String, Object> entryForInitiative1() {
        return Map.of(
                "goal",
                1,
                "objective",
                1,
                "initiative",
                "1",
                "measurement",
                Map.of(
                        "indicator",
                        "SPM-2",
                        "title",
                        "Percent of cases with collections for current child support",
                        "baseline",
                        61.5,
                        "target",
                        63.0));
    }
}
