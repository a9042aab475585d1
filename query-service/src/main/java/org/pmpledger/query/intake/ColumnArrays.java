package org.pmpledger.query.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Many rows of one shape written by one statement whose text depends on the shape alone: the rows' values travel as one
 * text array per column, {@code unnest} turns the arrays back into rows, and each value is cast from its text form to
 * its column's type. So a statement is rendered once per shape whatever its rows, and it carries one bind value per
 * column. PostgreSQL reads each value as if it were typed into its column: a value the column refuses (a text too long,
 * a number out of range) fails the statement instead of being cut or changed, since text goes to string columns
 * uncast (writing it checks the column's length) and every other value through its type's own input.
 */
final class ColumnArrays {

    private static final DataType<String[]> TEXT_ARRAY = SQLDataType.CLOB.array();

    /**
     * Renders names the same way for every caller, so that a statement's text depends on its shape alone (the rebuild
     * picks its tables by the search path, not by name).
     */
    private static final DSLContext NAMES = DSL.using(SQLDialect.POSTGRES);

    /** Statements by shape; the projections' code fixes the tables and columns, so they are few. */
    private static final Map<List<Object>, String> RENDERED = new ConcurrentHashMap<>();

    /** The PostgreSQL type each Java type of a column is read back as from its text. */
    private static final Map<Class<?>, String> CASTS = Map.of(
            String[].class, "text[]",
            Integer.class, "integer",
            Long.class, "bigint",
            BigDecimal.class, "numeric",
            Boolean.class, "boolean",
            LocalDate.class, "date",
            OffsetDateTime.class, "timestamp with time zone",
            byte[].class, "bytea");

    private ColumnArrays() {}

    /** {@code INSERT ... SELECT ... FROM unnest(...) ON CONFLICT DO NOTHING}: each row once, an existing key kept. */
    static Query insert(DSLContext db, Table<?> table, List<Field<?>> columns, List<List<Object>> rows) {
        String sql = RENDERED.computeIfAbsent(
                List.of("insert", table, columns),
                shape -> "insert into "
                        + NAMES.render(table) + " (" + names(columns) + ") select " + typedColumns(columns) + " from "
                        + unnest(columns.size()) + " on conflict do nothing");
        return db.query(sql, arrays(columns.size(), rows));
    }

    /**
     * {@code UPDATE table AS t SET ... FROM (SELECT ... FROM unnest(...)) AS v WHERE t.key = v.key}: {@code set}
     * columns take the row's value, {@code setIfNull} columns keep a value they have, {@code add} columns add the
     * row's amount. Each row's key comes first in its values, then the columns in these groups' order.
     */
    static Query update(
            DSLContext db,
            Table<?> table,
            List<Field<?>> keys,
            List<Field<?>> set,
            List<Field<?>> setIfNull,
            List<Field<Integer>> add,
            List<List<Object>> rows) {
        List<Field<?>> columns = new ArrayList<>(keys);
        columns.addAll(set);
        columns.addAll(setIfNull);
        columns.addAll(add);
        String sql = RENDERED.computeIfAbsent(List.of("update", table, keys, set, setIfNull, add), shape -> {
            List<String> changes = new ArrayList<>();
            List<String> matches = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String column = NAMES.render(columns.get(i).getUnqualifiedName());
                String incoming = "v.c" + i;
                if (i < keys.size()) {
                    matches.add("t." + column + " = " + incoming);
                } else if (i < keys.size() + set.size()) {
                    changes.add(column + " = " + incoming);
                } else if (i < keys.size() + set.size() + setIfNull.size()) {
                    changes.add(column + " = coalesce(t." + column + ", " + incoming + ")");
                } else {
                    changes.add(column + " = t." + column + " + " + incoming);
                }
            }
            return "update " + NAMES.render(table) + " as t set " + String.join(", ", changes) + " from (select "
                    + typedColumns(columns) + " from " + unnest(columns.size()) + ") as v where "
                    + String.join(" and ", matches);
        });
        return db.query(sql, arrays(columns.size(), rows));
    }

    private static String names(List<Field<?>> columns) {
        return columns.stream()
                .map(column -> NAMES.render(column.getUnqualifiedName()))
                .collect(Collectors.joining(", "));
    }

    /** {@code cast(u.c0 as type) as c0, ...}: each column's values read by their type's input. */
    private static String typedColumns(List<Field<?>> columns) {
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String type = typeOf(columns.get(i));
            typed.add((type == null ? "u.c" + i : "cast(u.c" + i + " as " + type + ")") + " as c" + i);
        }
        return String.join(", ", typed);
    }

    private static String unnest(int columns) {
        List<String> arrays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            arrays.add("?"); // jOOQ binds a text array as ?::text[]; the template holds no other colon
            names.add("c" + i);
        }
        return "unnest(" + String.join(", ", arrays) + ") as u(" + String.join(", ", names) + ")";
    }

    /** The type a column's text is cast to; none for a string column, whose own length check applies on writing. */
    private static String typeOf(Field<?> column) {
        Class<?> type = column.getType();
        if (type == String.class) {
            return null;
        }
        String cast = CASTS.get(type);
        if (cast == null) {
            throw new IllegalArgumentException("no text form for column " + column.getName() + " of " + type.getName());
        }
        return cast;
    }

    /** One text array per column, the rows' values in order. */
    private static QueryPart[] arrays(int columns, List<List<Object>> rows) {
        QueryPart[] arrays = new QueryPart[columns];
        for (int i = 0; i < columns; i++) {
            String[] values = new String[rows.size()];
            for (int row = 0; row < rows.size(); row++) {
                values[row] = text(rows.get(row).get(i));
            }
            arrays[i] = DSL.val(values, TEXT_ARRAY);
        }
        return arrays;
    }

    /**
     * A value in the text form its column type's input reads to the same value. Dates and times are those of years 1
     * to 9999, the form PostgreSQL reads (the API takes none outside them).
     */
    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case String[] list -> arrayLiteral(list);
            case Integer number -> number.toString();
            case Long number -> number.toString();
            case BigDecimal number -> number.toString();
            case Boolean truth -> truth.toString();
            case LocalDate date -> date.toString();
            case OffsetDateTime time -> time.toString();
            case byte[] bytes -> "\\x" + HexFormat.of().formatHex(bytes);
            default ->
                throw new IllegalArgumentException(
                        "no text form for " + value.getClass().getName());
        };
    }

    /** {@code {"a","b\"c",NULL}}: every element quoted, its quotes and backslashes escaped. */
    private static String arrayLiteral(String[] list) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < list.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (list[i] == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (char c : list[i].toCharArray()) {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
