package org.pmpledger.query.initiative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SequencedMap;

import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.table.Table;

/** Key-initiative coverage of a cycle; as CSV one line per agency and key initiative. */
record InitiativeAnswer(int ffy, Reflects reflects, List<Initiative> initiatives, List<Agency> agencies, List<Gap> gaps)
        implements Table {

    record Initiative(
            String code,
            String title,
            String required,
            BigDecimal threshold,
            String thresholdIndicator,
            List<String> subInitiatives) {}

    /**
     * @param required      ALL initiatives always; threshold ones when the agency's recorded value is below the threshold
     * @param agencyValue   the agency's recorded value of the threshold indicator (null: none recorded, so not required)
     * @param entries       active entries serving it (a sub-initiative serves its initiative)
     * @param activeTactics tactics serving it, neither completed nor withdrawn
     * @param covered       an entry or a tactic that is not withdrawn serves it (the submission rule's test)
     */
    record Coverage(
            String code,
            boolean required,
            BigDecimal agencyValue,
            int entries,
            int activeTactics,
            int completedTactics,
            boolean covered) {}

    record Agency(String lcsa, String planId, List<Coverage> initiatives) {}

    record Gap(String lcsa, String planId, String initiative, String title) {}

    @Override
    public List<String> csvColumns() {
        return List.of(
                "lcsa",
                "plan_id",
                "initiative",
                "required",
                "agency_value",
                "entries",
                "active_tactics",
                "completed_tactics",
                "covered",
                "gap");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Agency agency : agencies) {
            for (Coverage c : agency.initiatives()) {
                rows.add(Arrays.asList(
                        agency.lcsa(),
                        agency.planId(),
                        c.code(),
                        c.required(),
                        c.agencyValue(),
                        c.entries(),
                        c.activeTactics(),
                        c.completedTactics(),
                        c.covered(),
                        c.required() && !c.covered()));
            }
        }
        return rows;
    }

    @Override
    public SequencedMap<String, Object> sharedColumns() {
        return Table.ffyColumn(ffy);
    }

    @Override
    public String fileName() {
        return "pmp-ffy" + ffy + "-key-initiative-coverage";
    }
}
