package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pmpledger.query.jooq.Tables.PLAN_TACTIC;
import static org.pmpledger.query.jooq.Tables.QUARTERLY_UPDATE;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.pmpledger.query.QueryServiceTest;

/**
 * A poll's changes of many rows, merged into one {@code UPDATE ... FROM unnest(...)}, land on PostgreSQL as the changes
 * one by one would: each row its own values, NULLs among them, first values kept, counters added, lists and dates in
 * their columns' types, a text too long for its column and a number beyond its column's range
 * refused rather than cut or changed, and a poll of many rows landing whole.
 */
class MergedWritesTest extends QueryServiceTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2071, 8, 20, 17, 0, 0, 0, ZoneOffset.UTC);
    private static final List<Field<?>> UPDATE_KEY =
            List.of(QUARTERLY_UPDATE.PLAN_ID, QUARTERLY_UPDATE.ENTRY_ID, QUARTERLY_UPDATE.QUARTER);
    private static final Field<String> PLAN_CACHE_MODE = DSL.field("current_setting('plan_cache_mode')", String.class);
    private static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    private static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    private static final List<Field<?>> TACTIC_KEY = List.of(PLAN_TACTIC.PLAN_ID, PLAN_TACTIC.TACTIC_ID);

    @Autowired
    DSLContext db;

    @Autowired
    PlatformTransactionManager transactions;

    private String quarterlyUpdate(String reason) {
        String plan = UUID.randomUUID().toString();
        db.insertInto(QUARTERLY_UPDATE)
                .set(QUARTERLY_UPDATE.PLAN_ID, plan)
                .set(QUARTERLY_UPDATE.ENTRY_ID, "e-1")
                .set(QUARTERLY_UPDATE.QUARTER, "Q1")
                .set(QUARTERLY_UPDATE.FFY, 2072)
                .set(QUARTERLY_UPDATE.LCSA, "MARIN")
                .set(QUARTERLY_UPDATE.VALUE, new BigDecimal("50.0"))
                .set(QUARTERLY_UPDATE.NARRATIVE, "First")
                .set(QUARTERLY_UPDATE.FIRST_RECORDED_AT, AT)
                .set(QUARTERLY_UPDATE.FIRST_LATE, false)
                .set(QUARTERLY_UPDATE.FIRST_DAYS_LATE, 0)
                .set(QUARTERLY_UPDATE.RECORDED_AT, AT)
                .set(QUARTERLY_UPDATE.LAST_REASON, reason)
                .execute();
        return plan;
    }

    private String tactic() {
        String plan = UUID.randomUUID().toString();
        db.insertInto(PLAN_TACTIC)
                .set(PLAN_TACTIC.PLAN_ID, plan)
                .set(PLAN_TACTIC.TACTIC_ID, "t-1")
                .set(PLAN_TACTIC.FFY, 2072)
                .set(PLAN_TACTIC.LCSA, "MARIN")
                .set(PLAN_TACTIC.ENTRY_ID, "e-1")
                .set(PLAN_TACTIC.TITLE, "Outreach")
                .set(PLAN_TACTIC.LEADS, new String[] {"Case manager"})
                .set(PLAN_TACTIC.PROJECTED_COMPLETION, LocalDate.of(2072, 9, 30))
                .set(PLAN_TACTIC.STATUS, "NOT_STARTED")
                .set(PLAN_TACTIC.ADDED_AT, AT)
                .set(PLAN_TACTIC.CHANGED_AT, AT)
                .set(PLAN_TACTIC.POSITION, 1L)
                .execute();
        return plan;
    }

    private Writes.Patch correction(Writes writes, String plan) {
        return writes.patch(QUARTERLY_UPDATE, UPDATE_KEY, List.of(plan, "e-1", "Q1"));
    }

    @Test
    void eachRowTakesItsOwnValuesNullsAmongThemAndItsCounterAddsUp() {
        String first = quarterlyUpdate(null);
        String second = quarterlyUpdate(null);
        Writes writes = new Writes(db);
        correction(writes, first)
                .set(QUARTERLY_UPDATE.VALUE, new BigDecimal("61.5"))
                .set(QUARTERLY_UPDATE.LAST_REASON, "CDR refresh")
                .add(QUARTERLY_UPDATE.CORRECTIONS, 1);
        correction(writes, first).add(QUARTERLY_UPDATE.CORRECTIONS, 1);
        correction(writes, second)
                .set(QUARTERLY_UPDATE.VALUE, null)
                .set(QUARTERLY_UPDATE.LAST_REASON, null)
                .add(QUARTERLY_UPDATE.CORRECTIONS, 1);

        writes.execute();

        var one = db.fetchSingle(QUARTERLY_UPDATE, QUARTERLY_UPDATE.PLAN_ID.eq(first));
        var two = db.fetchSingle(QUARTERLY_UPDATE, QUARTERLY_UPDATE.PLAN_ID.eq(second));
        assertThat(one.getValue()).isEqualByComparingTo("61.5");
        assertThat(one.getLastReason()).isEqualTo("CDR refresh");
        assertThat(one.getCorrections()).isEqualTo(2);
        assertThat(two.getValue()).isNull();
        assertThat(two.getLastReason()).isNull();
        assertThat(two.getCorrections()).isEqualTo(1);
    }

    @Test
    void aFirstValueStaysWhereTheRowHasOneAndIsSetWhereItHasNone() {
        String kept = quarterlyUpdate("Original reason");
        String set = quarterlyUpdate(null);
        Writes writes = new Writes(db);
        correction(writes, kept).setIfNull(QUARTERLY_UPDATE.LAST_REASON, "Later reason");
        correction(writes, set).setIfNull(QUARTERLY_UPDATE.LAST_REASON, "Later reason");

        writes.execute();

        assertThat(db.fetchSingle(QUARTERLY_UPDATE, QUARTERLY_UPDATE.PLAN_ID.eq(kept))
                        .getLastReason())
                .isEqualTo("Original reason");
        assertThat(db.fetchSingle(QUARTERLY_UPDATE, QUARTERLY_UPDATE.PLAN_ID.eq(set))
                        .getLastReason())
                .isEqualTo("Later reason");
    }

    @Test
    void listsDatesAndTimesLandInTheirColumnsTypes() {
        String first = tactic();
        String second = tactic();
        Writes writes = new Writes(db);
        for (String plan : List.of(first, second)) {
            writes.patch(PLAN_TACTIC, TACTIC_KEY, List.of(plan, "t-1"))
                    .set(PLAN_TACTIC.LEADS, new String[] {"Lead " + plan.substring(0, 4), "O\"Brien, {lead} \\ NULL"})
                    .set(PLAN_TACTIC.ACTUAL_COMPLETION, plan.equals(first) ? LocalDate.of(2072, 6, 1) : null)
                    .set(PLAN_TACTIC.CHANGED_AT, AT.plusDays(1));
        }

        writes.execute();

        var one = db.fetchSingle(PLAN_TACTIC, PLAN_TACTIC.PLAN_ID.eq(first));
        var two = db.fetchSingle(PLAN_TACTIC, PLAN_TACTIC.PLAN_ID.eq(second));
        assertThat(one.getLeads()).containsExactly("Lead " + first.substring(0, 4), "O\"Brien, {lead} \\ NULL");
        assertThat(one.getActualCompletion()).isEqualTo(LocalDate.of(2072, 6, 1));
        assertThat(two.getActualCompletion()).isNull();
        assertThat(two.getChangedAt()).isEqualTo(AT.plusDays(1));
    }

    @Test
    void aPollOfTenThousandRowsLandsWhole() {
        String lcsa = "BULK-" + UUID.randomUUID().toString().substring(0, 8);
        int rows = 10_000;
        Writes created = new Writes(db);
        for (int i = 0; i < rows; i++) {
            var row = db.newRecord(QUARTERLY_UPDATE);
            row.setPlanId(lcsa + "-" + i);
            row.setEntryId("e-1");
            row.setQuarter("Q1");
            row.setFfy(2072);
            row.setLcsa(lcsa);
            row.setNarrative("First");
            row.setFirstRecordedAt(AT);
            row.setFirstLate(false);
            row.setFirstDaysLate(0);
            row.setRecordedAt(AT);
            created.insert(row);
        }
        created.execute();
        Writes changed = new Writes(db);
        for (int i = 0; i < rows; i++) {
            correction(changed, lcsa + "-" + i)
                    .set(QUARTERLY_UPDATE.VALUE, new BigDecimal(i))
                    .set(QUARTERLY_UPDATE.RECORDED_AT, AT.plusDays(1))
                    .setIfNull(QUARTERLY_UPDATE.LAST_REASON, "CDR refresh")
                    .add(QUARTERLY_UPDATE.CORRECTIONS, 1);
        }

        changed.execute();

        var landed = db.selectFrom(QUARTERLY_UPDATE)
                .where(QUARTERLY_UPDATE.LCSA.eq(lcsa))
                .fetch();
        assertThat(landed).hasSize(rows);
        assertThat(landed)
                .allSatisfy(row -> assertThat(row.getValue())
                        .isEqualByComparingTo(row.getPlanId().substring(lcsa.length() + 1)));
        assertThat(landed).allSatisfy(row -> assertThat(row.getCorrections()).isEqualTo(1));
        assertThat(landed).allSatisfy(row -> assertThat(row.getLastReason()).isEqualTo("CDR refresh"));
    }

    @Test
    void theTransactionPlansEachMergedStatementForItsOwnRows() {
        String first = quarterlyUpdate(null);
        String second = quarterlyUpdate(null);
        Writes writes = new Writes(db);
        correction(writes, first).set(QUARTERLY_UPDATE.VALUE, new BigDecimal("61.5"));
        correction(writes, second).set(QUARTERLY_UPDATE.VALUE, new BigDecimal("62.5"));

        String planning = new TransactionTemplate(transactions).execute(tx -> {
            writes.execute();
            return db.fetchValue(PLAN_CACHE_MODE);
        });

        assertThat(planning).isEqualTo("force_custom_plan");
        assertThat(db.fetchValue(PLAN_CACHE_MODE)).isEqualTo("auto");
    }

    @Test
    void aNumberBeyondItsColumnsRangeIsRefusedNotStoredAsAnother() {
        String first = quarterlyUpdate(null);
        String second = quarterlyUpdate(null);
        Writes writes = new Writes(db);
        correction(writes, first).set(QUARTERLY_UPDATE.VALUE, new BigDecimal("1e200000"));
        correction(writes, second).set(QUARTERLY_UPDATE.VALUE, new BigDecimal("61.5"));

        assertRefusedAs(writes, NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(db.fetchSingle(QUARTERLY_UPDATE, QUARTERLY_UPDATE.PLAN_ID.eq(first))
                        .getValue())
                .isEqualByComparingTo("50.0");
    }

    @Test
    void aLoneChangesNumberBeyondItsColumnsRangeIsRefusedNotStoredAsAnother() {
        String plan = quarterlyUpdate(null);
        Writes writes = new Writes(db);
        correction(writes, plan).set(QUARTERLY_UPDATE.VALUE, new BigDecimal("1e200000"));

        assertRefusedAs(writes, NUMERIC_VALUE_OUT_OF_RANGE);
        assertThat(db.fetchSingle(QUARTERLY_UPDATE, QUARTERLY_UPDATE.PLAN_ID.eq(plan))
                        .getValue())
                .isEqualByComparingTo("50.0");
    }

    @Test
    void aTextLongerThanItsColumnIsRefusedNotCut() {
        String first = quarterlyUpdate(null);
        String second = quarterlyUpdate(null);
        Writes writes = new Writes(db);
        correction(writes, first).set(QUARTERLY_UPDATE.NARRATIVE, "x".repeat(4001));
        correction(writes, second).set(QUARTERLY_UPDATE.NARRATIVE, "Fine");

        assertRefusedAs(writes, STRING_DATA_RIGHT_TRUNCATION);
        assertThat(db.fetchSingle(QUARTERLY_UPDATE, QUARTERLY_UPDATE.PLAN_ID.eq(first))
                        .getNarrative())
                .isEqualTo("First");
    }

    /** The database refuses the writes for this reason, one that does not pass by itself (the intake parks). */
    private static void assertRefusedAs(Writes writes, String sqlState) {
        assertThatThrownBy(writes::execute)
                .isInstanceOf(DataAccessException.class)
                .satisfies(refused -> {
                    assertThat(innermostSqlState(refused)).isEqualTo(sqlState);
                    assertThat(IntakeFailures.passes(refused)).isFalse();
                });
    }

    private static String innermostSqlState(Throwable failure) {
        String state = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return state;
    }
}
