package org.pmpledger.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** Events' instants and dates read digit by digit, to the value Jackson's own reading gives, and the rest left to it. */
class EventTimesTest {

    private static final JsonMapper EVENTS =
            JsonMapper.builder().addModule(EventTimes.module()).build();
    private static final JsonMapper STANDARD = JsonMapper.builder().build();

    record Stamped(Instant at, LocalDate due) {}

    @Test
    void instantsAsEventsWriteThemReadToTheValueTheyName() {
        SplittableRandom random = new SplittableRandom(20261207);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), fraction(random));
            assertThat(EventTimes.instantOf(instant.toString())).isEqualTo(instant);
        }
    }

    private static long fraction(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000L;
            case 2 -> random.nextInt(1_000_000) * 1_000L;
            default -> random.nextInt(1_000_000_000);
        };
    }

    @Test
    void aFractionOfAnyLengthUpToNineDigitsReadsAsTheStandardReadsIt() {
        for (String text : List.of(
                "2071-08-20T17:00:00.1Z",
                "2071-08-20T17:00:00.12Z",
                "2071-08-20T17:00:00.1234Z",
                "2071-08-20T17:00:00.12345678Z",
                "2071-08-20T17:00:00.000000001Z")) {
            assertThat(EventTimes.instantOf(text)).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void textOfAnotherFormOrNoSuchTimeIsLeftToTheStandardReading() {
        for (String text : List.of(
                "2071-08-20T17:00:00+01:00",
                "2071-08-20T17:00Z",
                "2071-08-20T17:00:00.Z",
                "2071-08-20T17:00:00.1234567890Z",
                "2071-08-20t17:00:00Z",
                "+10000-01-01T00:00:00Z",
                "2071-13-20T17:00:00Z",
                "2071-02-30T17:00:00Z",
                "2071-08-20T24:00:00Z",
                "2071-08-20T23:59:60Z",
                "2071-08-2OT17:00:00Z",
                "")) {
            assertThat(EventTimes.instantOf(text)).as(text).isNull();
        }
    }

    @Test
    void datesReadToTheDateTheyNameAndOtherTextIsLeftToTheStandardReading() {
        assertThat(EventTimes.dateOf("2072-09-30")).isEqualTo(LocalDate.of(2072, 9, 30));
        assertThat(EventTimes.dateOf("2072-02-29")).isEqualTo(LocalDate.of(2072, 2, 29));
        for (String text : List.of("2071-02-29", "2072-9-30", "2072-09-30T00:00", "2072/09/30", "+10000-01-01")) {
            assertThat(EventTimes.dateOf(text)).as(text).isNull();
        }
    }

    @Test
    void aMapperWithTheModuleReadsWhatTheStandardReadsToTheSameValues() {
        for (String json : List.of(
                "{\"at\":\"2071-08-20T17:00:00.123Z\",\"due\":\"2072-09-30\"}",
                "{\"at\":\"2071-08-20T18:00:00+01:00\",\"due\":\"2072-09-30\"}",
                "{\"at\":1700000000,\"due\":\"2072-09-30\"}",
                "{\"at\":null,\"due\":null}")) {
            assertThat(EVENTS.readValue(json, Stamped.class)).isEqualTo(STANDARD.readValue(json, Stamped.class));
        }
    }

    @Test
    void aMapperWithTheModuleRefusesWhatTheStandardRefuses() {
        for (String json : List.of(
                "{\"at\":\"2071-13-20T17:00:00Z\",\"due\":\"2072-09-30\"}",
                "{\"at\":\"2071-08-20T17:00:00Z\",\"due\":\"2071-02-29\"}")) {
            assertThatThrownBy(() -> STANDARD.readValue(json, Stamped.class)).isInstanceOf(DatabindException.class);
            assertThatThrownBy(() -> EVENTS.readValue(json, Stamped.class)).isInstanceOf(DatabindException.class);
        }
    }
}
