package org.pmpledger.query.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.RowN;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The writes of one poll, coalesced so that their number follows the tables touched, not the events:
 * new rows become one multi-row {@code INSERT ... ON CONFLICT DO NOTHING} per table, changes to a row
 * are merged into one change per row (later values win, "first value" columns keep the first,
 * counters add up), and the changes of rows that change the same columns of one table go as one
 * {@code UPDATE ... FROM (VALUES ...)}. They run in this order: inserts, updates, then whatever was
 * added as a plain query (few per poll: cycles, agency values, checkpoints). Creations precede changes
 * in every stream, so a change never meets a row its poll has not inserted yet. Each statement carries its values as
 * bind values, so neither jOOQ nor PostgreSQL renders and parses them as literals; a multi-row statement that would
 * carry more than {@link #MAX_BIND_VALUES} goes as several.
 */
public final class Writes {

    /** The most bind values one statement carries: PostgreSQL's protocol counts them in 16 bits. */
    static final int MAX_BIND_VALUES = 65_535;

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
            List<Field<Integer>> add) {

        /** The values each changed row brings: its key and every changed column. */
        int width() {
            return keyFields.size() + set.size() + setIfNull.size() + add.size();
        }
    }

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

        private PatchShape shape(Table<?> table) {
            return new PatchShape(
                    table,
                    keyFields,
                    List.copyOf(set.keySet()),
                    List.copyOf(setIfNull.keySet()),
                    List.copyOf(add.keySet()));
        }

        /** Its key and values as a row of the shape's VALUES list, each typed as its column. */
        private RowN valuesRow(PatchShape shape) {
            List<Field<?>> values = new ArrayList<>();
            for (int i = 0; i < keyFields.size(); i++) {
                values.add(typed(keyFields.get(i), keyValues.get(i)));
            }
            shape.set().forEach(field -> values.add(typed(field, set.get(field))));
            shape.setIfNull().forEach(field -> values.add(typed(field, setIfNull.get(field))));
            shape.add().forEach(field -> values.add(typed(field, add.get(field))));
            return DSL.row(values);
        }

        /**
         * The value as its column's type, so that a NULL or the first row types the VALUES column alike; text without
         * a length (a cast to {@code varchar(n)} would cut a longer value, where writing it into the column refuses it).
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Field<?> typed(Field<?> column, Object value) {
            DataType type = column.getDataType();
            DataType castTo = type.isString() && !type.isArray() ? SQLDataType.CLOB : type;
            return DSL.cast((Field) DSL.val(value, (Field) column), castTo);
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

    /** Runs the poll's statements in order, in the caller's transaction. */
    void execute() {
        queries().forEach(Query::execute);
    }

    List<Query> queries() {
        List<Query> all = new ArrayList<>();
        inserts.forEach((shape, rows) ->
                partsOf(rows, shape.fields().size()).forEach(part -> all.add(multiRowInsert(shape, part))));
        Map<PatchShape, List<Patch>> byShape = new LinkedHashMap<>();
        patches.forEach((key, patch) -> byShape.computeIfAbsent(patch.shape(key.table()), shape -> new ArrayList<>())
                .add(patch));
        byShape.forEach((shape, changes) -> partsOf(changes, shape.width())
                .forEach(part -> all.add(
                        part.size() == 1 ? part.getFirst().toQuery(db, shape.table()) : mergedUpdate(shape, part))));
        all.addAll(queries);
        return all;
    }

    /** The rows in order, as parts small enough that each part's statement stays within {@link #MAX_BIND_VALUES}. */
    private static <T> List<List<T>> partsOf(List<T> rows, int valuesPerRow) {
        int rowsPerPart = Math.max(1, MAX_BIND_VALUES / Math.max(1, valuesPerRow));
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerPart) {
            parts.add(rows.subList(from, Math.min(rows.size(), from + rowsPerPart)));
        }
        return parts;
    }

    boolean isEmpty() {
        return inserts.isEmpty() && patches.isEmpty() && queries.isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Query multiRowInsert(InsertShape shape, List<Record> rows) {
        var values = (InsertValuesStepN) db.insertInto((Table) shape.table(), (Collection) shape.fields());
        for (Record row : rows) {
            values = values.values(shape.fields().stream().map(row::get).toArray());
        }
        return values.onConflictDoNothing();
    }

    /**
     * {@code UPDATE table SET column = v.column, ... FROM (VALUES (...), ...) AS v(...) WHERE table.key = v.key}: one
     * statement for the changes of many rows, each row at most once (one change per row and poll).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Query mergedUpdate(PatchShape shape, List<Patch> changes) {
        List<String> names = new ArrayList<>();
        List<Field<?>> columns = new ArrayList<>();
        for (List<? extends Field<?>> group : List.of(shape.keyFields(), shape.set(), shape.setIfNull(), shape.add())) {
            for (Field<?> field : group) {
                names.add("c" + names.size());
                columns.add(field);
            }
        }
        Table<?> v = DSL.values(changes.stream().map(p -> p.valuesRow(shape)).toArray(RowN[]::new))
                .as("v", names.toArray(String[]::new));
        int keys = shape.keyFields().size();
        int sets = keys + shape.set().size();
        int firsts = sets + shape.setIfNull().size();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        var condition = DSL.noCondition();
        for (int i = 0; i < columns.size(); i++) {
            Field column = columns.get(i);
            Field incoming = DSL.field(DSL.name("v", names.get(i)), column.getDataType()); // as the column reads it
            if (i < keys) {
                condition = condition.and(column.eq(incoming));
            } else if (i < sets) {
                values.put(column, incoming);
            } else if (i < firsts) {
                values.put(column, DSL.coalesce(column, incoming)); // the row's first value stays
            } else {
                values.put(column, column.plus(incoming));
            }
        }
        return db.update(shape.table()).set(values).from(v).where(condition);
    }

    private static Table<?> tableOf(Record row) {
        if (row instanceof TableRecord<?> tableRecord) {
            return tableRecord.getTable();
        }
        throw new IllegalArgumentException("not a table record: " + row.getClass());
    }
}
