package org.pmpledger.events.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The patterns requests are checked against name exactly the shared vocabulary's values. */
class VocabularyTest {

    private static String names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).collect(Collectors.joining("|"));
    }

    @Test
    void theQuartersPatternNamesEveryQuarter() {
        assertThat(Quarter.NAMES).isEqualTo(names(Quarter.values()));
    }

    @Test
    void thePlanStatusPatternNamesEveryStatus() {
        assertThat(PlanStatus.NAMES).isEqualTo(names(PlanStatus.values()));
    }

    @Test
    void theShownTacticStatusPatternNamesEveryStatusAReadShows() {
        assertThat(TacticStatus.SHOWN_NAMES).isEqualTo(String.join("|", TacticStatus.shown()));
    }

    @Test
    void theAssistanceStatusPatternNamesEveryStatus() {
        assertThat(AssistanceStatus.NAMES).isEqualTo(names(AssistanceStatus.values()));
    }
}
