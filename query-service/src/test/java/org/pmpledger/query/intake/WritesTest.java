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

/**
 * How a poll's changes become statements: their number and text follow the tables and shapes of change, not the rows.
 */
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
    void changesOfManyRowsToTheSameColumnsGoAsOneUpdateFromTheirColumnsArrays() {
        Writes writes = new Writes(db);
        correct(writes, "plan-a", "61.5");
        correct(writes, "plan-b", "62.5");
        correct(writes, "plan-c", "63.5");

        List<Query> queries = writes.queries();

        assertThat(queries).hasSize(1);
        Query update = queries.getFirst();
        assertThat(update.getSQL())
                .startsWith("update \"quarterly_update\" as t")
                .contains("from unnest(")
                .contains("coalesce(t.\"last_reason\"")
                .contains("t.\"corrections\" + ");
        assertThat(update.getBindValues()).hasSize(6);
        assertThat((String[]) update.getBindValues().getFirst()).containsExactly("plan-a", "plan-b", "plan-c");
    }

    @Test
    void aRowsChangesMergeIntoOneRowOfTheUpdate() {
        Writes writes = new Writes(db);
        correct(writes, "plan-a", "61.5");
        correct(writes, "plan-a", "64.0");
        correct(writes, "plan-b", "62.5");

        List<Object> arrays = writes.queries().getFirst().getBindValues();

        assertThat((String[]) arrays.get(0)).containsExactly("plan-a", "plan-b");
        assertThat((String[]) arrays.get(3)).containsExactly("64.0", "62.5");
        assertThat((String[]) arrays.get(5)).containsExactly("2", "1");
    }

    @Test
    void aStatementsTextFollowsItsShapeNotItsRows() {
        Writes few = new Writes(db);
        Writes many = new Writes(db);
        for (int i = 0; i < 1_000; i++) {
            correct(i < 2 ? few : many, "plan-" + i, "61.5");
            correct(many, "plan-" + i, "61.5");
        }

        Query fewRows = few.queries().getFirst();
        Query manyRows = many.queries().getFirst();

        assertThat(manyRows.getSQL()).isEqualTo(fewRows.getSQL());
        assertThat(manyRows.getBindValues()).hasSize(6);
    }

    @Test
    void aLoneChangeIsAPlainUpdateOfItsRow() {
        Writes writes = new Writes(db);
        correct(writes, "plan-a", "61.5");

        String sql = writes.queries().getFirst().getSQL(ParamType.INLINED);

        assertThat(sql).startsWith("update \"quarterly_update\"").doesNotContain("unnest");
    }

    @Test
    void rowsChangingTheSameColumnsInAnotherOrderShareTheirUpdate() {
        Writes writes = new Writes(db);
        correct(writes, "plan-a", "61.5");
        writes.patch(QUARTERLY_UPDATE, KEY, List.of("plan-b", "e-1", "Q1"))
                .add(QUARTERLY_UPDATE.CORRECTIONS, 1)
                .setIfNull(QUARTERLY_UPDATE.LAST_REASON, "CDR refresh")
                .set(QUARTERLY_UPDATE.VALUE, new BigDecimal("62.5"));

        assertThat(writes.queries()).hasSize(1);
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
