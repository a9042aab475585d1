package org.pmpledger.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.cycle.PlanningCycleOpened.KeyInitiative;

/** Older revisions' checked-in JSON reads as the current revision. */
class EventUpcastsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void planningCycleOpenedRevision1ReadsAsRevision2WithoutAThresholdIndicatorWhenNoIndicatorNamesPaternity()
            throws IOException {
        ObjectNode v1 = sample("/samples/cycle/PlanningCycleOpened.v1.json");

        PlanningCycleOpened opened =
                JSON.treeToValue(EventUpcasts.toCurrent(PlanningCycleOpened.class, 1, v1), PlanningCycleOpened.class);

        assertThat(opened.keyInitiatives())
                .extracting(KeyInitiative::code, KeyInitiative::thresholdIndicator)
                .containsExactly(Tuple.tuple("1", null), Tuple.tuple("4", null));
        assertThat(opened.keyInitiatives().get(0).subInitiatives()).hasSize(1);
        assertThat(opened.keyInitiatives().get(1).threshold()).isEqualByComparingTo("90");
    }

    @Test
    void planningCycleOpenedRevision1TakesThePaternityIndicatorAsTheThresholdIndicator() throws IOException {
        ObjectNode v1 = sample("/samples/cycle/PlanningCycleOpened.v1.json");
        v1.withArray("indicators")
                .addObject()
                .put("code", "CDR-1.1")
                .put("title", "Paternity Establishment %")
                .put("unit", "PERCENT")
                .put("direction", "HIGHER_IS_BETTER");

        PlanningCycleOpened opened =
                JSON.treeToValue(EventUpcasts.toCurrent(PlanningCycleOpened.class, 1, v1), PlanningCycleOpened.class);

        assertThat(opened.keyInitiatives().get(0).thresholdIndicator()).isNull();
        assertThat(opened.keyInitiatives().get(1).thresholdIndicator()).isEqualTo("CDR-1.1");
    }

    @Test
    void planningCycleOpenedRevision2ReadsAsRevision3WithIndicatorsWithoutAMinimum() throws IOException {
        ObjectNode v2 = sample("/samples/cycle/PlanningCycleOpened.v2.json");

        PlanningCycleOpened opened =
                JSON.treeToValue(EventUpcasts.toCurrent(PlanningCycleOpened.class, 2, v2), PlanningCycleOpened.class);

        assertThat(opened.indicators())
                .isNotEmpty()
                .allSatisfy(indicator -> assertThat(indicator.minimum()).isNull());
    }

    @Test
    void currentRevisionIsLeftAsItIs() throws IOException {
        ObjectNode v3 = sample("/samples/cycle/PlanningCycleOpened.v3.json");

        assertThat(EventUpcasts.toCurrent(PlanningCycleOpened.class, 3, v3.deepCopy()))
                .isEqualTo(v3);
    }

    @Test
    void aRevisionNewerThanThisBuildIsRefused() throws IOException {
        ObjectNode v3 = sample("/samples/cycle/PlanningCycleOpened.v3.json");

        assertThatThrownBy(() -> EventUpcasts.toCurrent(PlanningCycleOpened.class, 4, v3))
                .hasMessageContaining("newer than this build knows");
    }

    private static ObjectNode sample(String path) throws IOException {
        try (InputStream in = EventUpcastsTest.class.getResourceAsStream(path)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
