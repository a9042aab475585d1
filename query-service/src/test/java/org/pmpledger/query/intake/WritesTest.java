package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmpledger.query.jooq.Tables.QUARTERLY_UPDATE;

import java.math.BigDecimal;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** How a poll's changes become statements: their number follows the tables and shapes of change, not the rows. */
class WritesTest {

    private final DSLContext db = DSL.using(SQLDialect.POSTGRES);

    private static final List<Field<?>> KEY =
            List.of(QUARTERLY_UPDATE.PLAN_ID, QUARTERLY_UPDATE.ENTRY_ID, QUARTERLY_UPDATE.QUARTER);

    private void correct(Writes writes, String planId, String value) {
        writes.patch(QUARTERLY_UPDATE, KEY, List.of(planId, "e-1", "Q1"))
                .set(QUARTERLY_UPDATE.VALUE, new BigDecimal(value))
                .setIfNull(QUARTERLY_UPDATE.LAST_REASON, "CDR refresh")
                .add(QUARTERLY_UPDATE.CORRECTIONS, 1);
    }

    @Test
    void changesOfManyRowsToTheSameColumnsGoAsOneUpdateFromValues() {
        Writes writes = new Writes(db);
        correct(writes, "plan-a", "61.5");
        correct(writes, "plan-b", "62.5");
        correct(writes, "plan-c", "63.5");

        List<Query> queries = writes.queries();

        assertThat(queries).hasSize(1);
        String sql = queries.getFirst().getSQL(ParamType.INLINED);
        assertThat(sql)
                .startsWith("update \"quarterly_update\"")
                .contains("from (values")
                .contains("'plan-a'", "'plan-b'", "'plan-c'")
                .contains("coalesce(\"quarterly_update\".\"last_reason\"")
                .contains("(\"quarterly_update\".\"corrections\" + ");
    }

    @Test
    void aRowsChangesMergeIntoOneRowOfTheUpdate() {
        Writes writes = new Writes(db);
        correct(writes, "plan-a", "61.5");
        correct(writes, "plan-a", "64.0");
        correct(writes, "plan-b", "62.5");

        String sql = writes.queries().getFirst().getSQL(ParamType.INLINED);

        assertThat(sql).doesNotContain("61.5").contains("64.0").contains("'plan-b'");
        assertThat(sql.split("'plan-a'", -1)).hasSize(2);
    }

    @Test
    void aLoneChangeIsAPlainUpdateOfItsRow() {
        Writes writes = new Writes(db);
        correct(writes, "plan-a", "61.5");

        String sql = writes.queries().getFirst().getSQL(ParamType.INLINED);

        assertThat(sql).startsWith("update \"quarterly_update\"").doesNotContain("values");
    }

    @Test
    void newRowsBeyondOneStatementsBindValuesGoAsSeveralInsertsEachWithinTheLimit() {
        Writes writes = new Writes(db);
        int rows = Writes.MAX_BIND_VALUES / 3 + 1; // three columns each
        for (int i = 0; i < rows; i++) {
            var row = db.newRecord(QUARTERLY_UPDATE);
            row.setPlanId("plan-" + i);
            row.setEntryId("e-1");
            row.setQuarter("Q1");
            writes.insert(row);
        }

        List<Query> queries = writes.queries();

        assertThat(queries).hasSize(2);
        assertThat(queries)
                .allSatisfy(
                        query -> assertThat(query.getBindValues()).hasSizeLessThanOrEqualTo(Writes.MAX_BIND_VALUES));
        assertThat(queries.stream()
                        .mapToInt(query -> query.getBindValues().size())
                        .sum())
                .isEqualTo(rows * 3);
    }

    @Test
    void changesBeyondOneStatementsBindValuesGoAsSeveralUpdatesEachWithinTheLimit() {
        Writes writes = new Writes(db);
        int rows = Writes.MAX_BIND_VALUES / 6 + 1; // three key values and three changed columns each
        for (int i = 0; i < rows; i++) {
            correct(writes, "plan-" + i, "61.5");
        }

        List<Query> queries = writes.queries();

        assertThat(queries).hasSize(2);
        assertThat(queries)
                .allSatisfy(
                        query -> assertThat(query.getBindValues()).hasSizeLessThanOrEqualTo(Writes.MAX_BIND_VALUES));
        assertThat(queries.stream()
                        .mapToInt(query -> query.getBindValues().size())
                        .sum())
                .isEqualTo(rows * 6);
    }

    @Test
    void rowsChangingOtherColumnsGoAsAnUpdateOfTheirOwn() {
        Writes writes = new Writes(db);
        correct(writes, "plan-a", "61.5");
        correct(writes, "plan-b", "62.5");
        writes.patch(QUARTERLY_UPDATE, KEY, List.of("plan-c", "e-1", "Q1")).set(QUARTERLY_UPDATE.AFTER_CLOSE, true);

        assertThat(writes.queries()).hasSize(2);
    }
}
