package org.pmpledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.events.cycle.PlanningCycleOpened;
import org.pmpledger.events.plan.PlanDrafted;
import org.pmpledger.events.plan.PlanSubmitted;

/**
 * Every published event reads from and writes back to its checked-in JSON sample unchanged: the
 * samples are the contract consumers rely on, and the fixtures that later prove upcasting.
 */
class EventJsonContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> everyEventType() {
        return PmpEventTypes.all().values().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventType")
    void sampleOfCurrentRevisionRoundTripsUnchanged(Class<? extends PmpEvent> type) throws IOException {
        JsonNode sample = sample(type, PmpEventTypes.revisionOf(type));

        PmpEvent event = JSON.treeToValue(sample, type);
        JsonNode written = JSON.valueToTree(event);

        // compared as text: a number read into BigDecimal is another node type than the one parsed
        assertThat(JSON.writeValueAsString(written)).isEqualTo(JSON.writeValueAsString(sample));
    }

    @Test
    void catalogueNamesEveryEventByContext() {
        assertThat(PmpEventTypes.all())
                .containsOnlyKeys(
                        "pmp.cycle.PlanningCycleOpened",
                        "pmp.cycle.AgencyIndicatorValuesRecorded",
                        "pmp.cycle.AgencyCaseloadsRecorded",
                        "pmp.plan.PlanDrafted",
                        "pmp.plan.PlanEntryAdded",
                        "pmp.plan.MeasurementRevised",
                        "pmp.plan.PlanEntryRemoved",
                        "pmp.plan.TacticAdded",
                        "pmp.plan.TacticRevised",
                        "pmp.plan.TacticStatusChanged",
                        "pmp.plan.TacticWithdrawn",
                        "pmp.plan.PlanSubmitted",
                        "pmp.plan.PlanApproved",
                        "pmp.plan.PlanReturned",
                        "pmp.plan.PlanCommented",
                        "pmp.plan.QuarterlyProgressRecorded",
                        "pmp.plan.FinalResultsSubmitted",
                        "pmp.plan.AssistanceRequested",
                        "pmp.plan.AssistanceRequestAdvanced",
                        "pmp.plan.AssistanceRequestCommented");
        assertThat(PmpEventTypes.byName("pmp.plan.PlanSubmitted")).contains(PlanSubmitted.class);
        assertThat(PmpEventTypes.byName("pmp.plan.Unknown")).isEmpty();
    }

    @Test
    void streamIdIsThePlanOrTheCycle() throws IOException {
        PlanDrafted drafted = JSON.treeToValue(sample(PlanDrafted.class, 1), PlanDrafted.class);
        PlanningCycleOpened opened = JSON.treeToValue(sample(PlanningCycleOpened.class, 3), PlanningCycleOpened.class);

        assertThat(drafted.streamId()).isEqualTo(drafted.planId());
        assertThat(opened.streamId()).isEqualTo("cycle-2022");
    }

    static JsonNode sample(Class<?> type, int revision) throws IOException {
        String context = PmpEventTypes.typeName(type).split("\\.")[1];
        String path = "/samples/" + context + "/" + type.getSimpleName() + ".v" + revision + ".json";
        try (InputStream in = EventJsonContractTest.class.getResourceAsStream(path)) {
            assertThat(in).as("sample " + path).isNotNull();
            return JSON.readTree(in);
        }
    }
}
