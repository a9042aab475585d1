package org.pmpledger.query.print;

import java.util.List;

/** One piece of a printed plan, in the order it is printed; a format draws each kind its own way. */
sealed interface Block {

    /** The form's heading lines, centred and bold. */
    record Title(List<String> lines) implements Block {}

    /** A section's heading, bold. */
    record Heading(String text) implements Block {}

    /** Labelled values, a label in bold before each value. */
    record Fields(List<Field> fields) implements Block {}

    /** A table: a bold header row, then rows of as many cells. */
    record Grid(List<String> header, List<List<String>> rows) implements Block {}

    /** Running text. */
    record Text(String text) implements Block {}

    record Field(String label, String value) {}
}
