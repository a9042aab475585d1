package org.pmpledger.events.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads events' instants and dates in the form events are written, {@code 2071-08-20T17:00:00Z} (with a fraction of up
 * to nine digits or none) and {@code 2072-09-30}, digit by digit instead of through a {@code DateTimeFormatter}. Text in
 * any other form, or naming no such time, goes to Jackson's own deserializers: every text they read is read to the same
 * value, and every text they refuse is refused the same way. Events' times carry no {@code @JsonFormat}, and these
 * readers honour none.
 */
public final class EventTimes {

    private EventTimes() {}

    /** The module that reads {@link Instant} and {@link LocalDate} this way. */
    public static JacksonModule module() {
        return new SimpleModule("event-times")
                .addDeserializer(
                        Instant.class,
                        new WrittenForm<>(Instant.class, EventTimes::instantOf, InstantDeserializer.INSTANT))
                .addDeserializer(
                        LocalDate.class,
                        new WrittenForm<>(LocalDate.class, EventTimes::dateOf, LocalDateDeserializer.INSTANCE));
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}; null for text of another form or no such instant. */
    static Instant instantOf(String text) {
        int end = text.length() - 1;
        if (end < 19
                || end > 29
                || text.charAt(end) != 'Z'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = dateOf(text.substring(0, 10));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nano = 0;
        if (end > 19) {
            int fraction = digits(text, 20, end);
            if (text.charAt(19) != '.' || end == 20 || fraction < 0) {
                return null;
            }
            nano = fraction;
            for (int i = end - 20; i < 9; i++) {
                nano *= 10;
            }
        }
        if (date == null || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(date.getYear(), date.getMonth(), date.getDayOfMonth(), hour, minute, second, nano)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException noSuchTime) {
            return null;
        }
    }

    /** The date of {@code yyyy-MM-dd}; null for text of another form or no such date. */
    static LocalDate dateOf(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDate) {
            return null;
        }
    }

    /** The number the ASCII digits from {@code from} to {@code to} spell (at most nine); -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Reads the written form with {@code read}; text it does not read, and any other token, with {@code standard}. */
    private static final class WrittenForm<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> read;
        private final ValueDeserializer<T> standard;

        WrittenForm(Class<T> type, Function<String, T> read, ValueDeserializer<T> standard) {
            super(type);
            this.read = read;
            this.standard = standard;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                T value = read.apply(parser.getString());
                if (value != null) {
                    return value;
                }
            }
            return standard.deserialize(parser, context);
        }
    }
}
