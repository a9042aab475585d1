package org.pmpledger.query.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * The writes of one poll, coalesced so that their number follows the tables touched, not the events:
 * new rows become one multi-row {@code INSERT ... ON CONFLICT DO NOTHING} per table, changes to a row
 * are merged into one change per row (later values win, "first value" columns keep the first,
 * counters add up), and the changes of rows that change the same columns of one table go as one
 * {@code UPDATE ... FROM}. The rows of such a statement travel as one array per column ({@link ColumnArrays}), so its
 * text follows its shape, not its rows. They run in this order: inserts, updates, then whatever was
 * added as a plain query (few per poll: cycles, agency values, checkpoints). Creations precede changes
 * in every stream, so a change never meets a row its poll has not inserted yet.
 */
public final class Writes {

    private final DSLContext db;
    private final Map<InsertShape, List<Record>> inserts = new LinkedHashMap<>();
    private final Map<RowKey, Patch> patches = new LinkedHashMap<>();
    private final List<Query> queries = new ArrayList<>();

    Writes(DSLContext db) {
        this.db = db;
    }

    /** Rows of one table setting the same columns go into one multi-row INSERT. */
    private record InsertShape(Table<?> table, List<Field<?>> fields) {}

    /** The key of one row: its table and primary-key values. */
    private record RowKey(Table<?> table, List<Object> key) {}

    /** Changes of one table that key on the same fields and change the same columns the same ways go as one UPDATE. */
    private record PatchShape(
            Table<?> table,
            List<Field<?>> keyFields,
            List<Field<?>> set,
            List<Field<?>> setIfNull,
            List<Field<Integer>> add) {}

    /** Merged column changes of one row. */
    public static final class Patch {
        private final Map<Field<?>, Object> set = new LinkedHashMap<>();
        private final Map<Field<?>, Object> setIfNull = new LinkedHashMap<>();
        private final Map<Field<Integer>, Integer> add = new LinkedHashMap<>();
        private final List<Field<?>> keyFields;
        private final List<Object> keyValues;

        private Patch(List<Field<?>> keyFields, List<Object> keyValues) {
            this.keyFields = keyFields;
            this.keyValues = keyValues;
        }

        public <T> Patch set(Field<T> field, T value) {
            set.put(field, value);
            return this;
        }

        /** Keeps the column's first value: set only if the row has none and no earlier change set it. */
        public <T> Patch setIfNull(Field<T> field, T value) {
            setIfNull.putIfAbsent(field, value);
            return this;
        }

        public Patch add(Field<Integer> field, int amount) {
            add.merge(field, amount, Integer::sum);
            return this;
        }

        /** Its columns in the table's order, so that rows changing the same columns share a shape in any order. */
        private PatchShape shape(Table<?> table) {
            return new PatchShape(
                    table,
                    keyFields,
                    inTableOrder(table, set.keySet()),
                    inTableOrder(table, setIfNull.keySet()),
                    inTableOrder(table, add.keySet()));
        }

        private static <F extends Field<?>> List<F> inTableOrder(Table<?> table, Collection<F> columns) {
            return columns.stream()
                    .sorted(Comparator.comparingInt(table::indexOf))
                    .toList();
        }

        /** Its key's values, then its values in the shape's order. */
        private List<Object> values(PatchShape shape) {
            List<Object> values = new ArrayList<>(keyValues);
            shape.set().forEach(field -> values.add(set.get(field)));
            shape.setIfNull().forEach(field -> values.add(setIfNull.get(field)));
            shape.add().forEach(field -> values.add(add.get(field)));
            return values;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Query toQuery(DSLContext db, Table<?> table) {
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            set.forEach(values::put);
            setIfNull.forEach((field, value) ->
                    values.put(field, DSL.coalesce((Field) field, DSL.val(value, (Field) field))));
            add.forEach((field, amount) -> values.put(field, field.plus(amount)));
            var condition = DSL.noCondition();
            for (int i = 0; i < keyFields.size(); i++) {
                condition = condition.and(((Field<Object>) keyFields.get(i)).eq(keyValues.get(i)));
            }
            return db.update(table).set(values).where(condition);
        }
    }

    /** A new row, inserted unless its key exists (a re-delivered creation changes nothing). */
    public void insert(Record row) {
        List<Field<?>> changed = Arrays.stream(row.fields())
                .filter(row::changed)
                .<Field<?>>map(f -> f)
                .toList();
        inserts.computeIfAbsent(new InsertShape(tableOf(row), changed), shape -> new ArrayList<>())
                .add(row);
    }

    /** The merged change of the row of {@code table} whose key fields have these values. */
    public Patch patch(Table<?> table, List<Field<?>> keyFields, List<Object> keyValues) {
        return patches.computeIfAbsent(new RowKey(table, keyValues), k -> new Patch(keyFields, keyValues));
    }

    /** A write that needs no merging (few per poll). */
    public void add(Query query) {
        queries.add(query);
    }

    /**
     * Runs the poll's statements in order, in the caller's transaction: each insert and update on its own, then the
     * plain queries together as one JDBC batch (a cycle's agency values are many of them). The transaction plans each
     * statement for its own arrays: a plan cached for a shape's text (the driver prepares a text it meets again) would
     * keep the join chosen when the table was small, a scan of the whole table where the key's index finds each row.
     */
    void execute() {
        List<Query> all = queries();
        int merged = all.size() - queries.size();
        if (merged > 0) {
            db.execute("set local plan_cache_mode = force_custom_plan");
        }
        all.subList(0, merged).forEach(Query::execute);
        if (queries.size() == 1) {
            queries.getFirst().execute();
        } else if (queries.size() > 1) {
            db.batch(queries).execute();
        }
    }

    List<Query> queries() {
        List<Query> all = new ArrayList<>();
        inserts.forEach((shape, rows) -> all.add(ColumnArrays.insert(
                db,
                shape.table(),
                shape.fields(),
                rows.stream()
                        .map(row ->
                                shape.fields().stream().<Object>map(row::get).toList())
                        .toList())));
        Map<PatchShape, List<Patch>> byShape = new LinkedHashMap<>();
        patches.forEach((key, patch) -> byShape.computeIfAbsent(patch.shape(key.table()), shape -> new ArrayList<>())
                .add(patch));
        byShape.forEach((shape, changes) -> all.add(
                changes.size() == 1 ? changes.getFirst().toQuery(db, shape.table()) : mergedUpdate(shape, changes)));
        all.addAll(queries);
        return all;
    }

    boolean isEmpty() {
        return inserts.isEmpty() && patches.isEmpty() && queries.isEmpty();
    }

    /** One statement for the changes of many rows, each row at most once (one change per row and poll). */
    private Query mergedUpdate(PatchShape shape, List<Patch> changes) {
        return ColumnArrays.update(
                db,
                shape.table(),
                shape.keyFields(),
                shape.set(),
                shape.setIfNull(),
                shape.add(),
                changes.stream().map(patch -> patch.values(shape)).toList());
    }

    private static Table<?> tableOf(Record row) {
        if (row instanceof TableRecord<?> tableRecord) {
            return tableRecord.getTable();
        }
        throw new IllegalArgumentException("not a table record: " + row.getClass());
    }
}
