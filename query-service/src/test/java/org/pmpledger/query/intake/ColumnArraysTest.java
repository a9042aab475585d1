package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import org.pmpledger.query.jooq.DefaultSchema;

/** Every column of the read models travels through a column array: each has a text form and a type to read it by. */
class ColumnArraysTest {

    private final DSLContext db = DSL.using(SQLDialect.POSTGRES);

    @Test
    void everyColumnOfEveryReadModelTableCanBeWrittenThroughItsArray() {
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            List<Field<?>> columns = Arrays.asList(table.fields());
            List<Object> nulls = Arrays.asList(new Object[columns.size()]);

            assertThat(ColumnArrays.insert(db, table, columns, List.of(nulls)).getSQL())
                    .as(table.getName())
                    .contains("unnest(");
        }
    }
}
