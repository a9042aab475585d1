package org.pmpledger.command.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.command.CommandServiceTest;
import org.pmpledger.events.EventHeaders;
import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.TopicReader;

/**
 * A consumer that knows the topic only from the CloudEvents SDK and the served AsyncAPI document reads it without an
 * error: every record, event or watermark, is a CloudEvent in Kafka binary mode, and its headers and data are valid
 * under the document's message for its type and revision.
 */
class CloudEventsConsumerTest extends CommandServiceTest {

    private static final int FFY = 2051;
    private static final SchemaRegistry DRAFT_7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String planId;

    /** A plan drafted, given an entry and submitted, once for the class: its three events are on the topic. */
    private synchronized String submittedPlan() {
        if (planId == null) {
            ApiClient api = api();
            assertThat(api.post("/api/v1/cycles", TOKENS.stateAdmin(), Ffy2022.openCycle(FFY))
                            .status())
                    .isEqualTo(201);
            Answer drafted = api.post("/api/v1/plans", TOKENS.lcsaEditor("MODOC"), Map.of("ffy", FFY, "lcsa", "MODOC"));
            String drafting = drafted.body().get("id").asString();
            assertThat(api.post(
                                    "/api/v1/plans/" + drafting + "/entries",
                                    TOKENS.lcsaEditor("MODOC"),
                                    Ffy2022.entryForInitiative1())
                            .status())
                    .isEqualTo(201);
            assertThat(api.post("/api/v1/plans/" + drafting + "/submission", TOKENS.lcsaEditor("MODOC"), null)
                            .status())
                    .isEqualTo(200);
            planId = drafting;
        }
        return planId;
    }

    /** Every record of the topic through the plan's submission, read with the CloudEvents SDK for Kafka. */
    private List<CloudEvent> readWithTheSdk() {
        CloudEventDeserializer sdk = new CloudEventDeserializer();
        return recordsThroughThePlansSubmission().stream()
                .map(record -> sdk.deserialize(record.topic(), record.headers(), record.value()))
                .toList();
    }

    @Test
    void everyRecordIsACloudEventInBinaryModeWithJsonData() {
        assertThat(readWithTheSdk()).allSatisfy(event -> {
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getId()).isNotBlank();
            assertThat(event.getSource()).isNotNull();
            assertThat(event.getDataContentType()).isEqualTo(EventHeaders.JSON);
            assertThat(event.getData()).isNotNull();
        });
    }

    @Test
    void aPlansEventsAreItsStreamInOrderWithSequencesThatSortAsText() {
        List<CloudEvent> plans = readWithTheSdk().stream()
                .filter(event -> planId.equals(event.getSubject()))
                .toList();

        assertThat(plans)
                .extracting(CloudEvent::getType)
                .containsExactly("pmp.plan.PlanDrafted", "pmp.plan.PlanEntryAdded", "pmp.plan.PlanSubmitted");
        assertThat(plans)
                .extracting(event -> event.getExtension("sequence"))
                .containsExactly("0000000000000000000", "0000000000000000001", "0000000000000000002");
        assertThat(new String(plans.getFirst().getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"planId\":\"" + planId + "\"");
    }

    @Test
    void aWatermarksDataIsThePositionItsHeaderNames() {
        List<CloudEvent> watermarks = readWithTheSdk().stream()
                .filter(event -> EventHeaders.WATERMARK_TYPE.equals(event.getType()))
                .toList();

        assertThat(watermarks)
                .isNotEmpty()
                .allSatisfy(watermark -> assertThat(
                                ApiClient.json(new String(watermark.getData().toBytes(), StandardCharsets.UTF_8))
                                        .get("position")
                                        .asLong())
                        .isEqualTo(Long.parseLong(
                                watermark.getExtension("position").toString())));
    }

    @Test
    void everyRecordIsValidUnderItsMessageInTheServedAsyncApiDocument() {
        Answer served = api().get("/asyncapi.json", null);
        assertThat(served.status()).isEqualTo(200);
        JsonNode components = served.body().get("components");

        for (ConsumerRecord<String, byte[]> record : recordsThroughThePlansSubmission()) {
            Map<String, String> headers = headersOf(record);
            String type = headers.get(EventHeaders.TYPE);
            String name =
                    EventHeaders.WATERMARK_TYPE.equals(type) ? type : type + ".v" + headers.get(EventHeaders.REVISION);
            JsonNode message = components.get("messages").get(name);
            assertThat(message).as("a message named " + name).isNotNull();
            assertThat(DRAFT_7.getSchema(SchemaLocation.of("urn:headers:" + name), message.get("headers"))
                            .validate(JSON.valueToTree(headers)))
                    .as("headers of " + name)
                    .isEmpty();
            assertThat(DRAFT_7.getSchema(
                                    SchemaLocation.of("urn:payload:" + name),
                                    components.get("schemas").get(name))
                            .validate(ApiClient.json(new String(record.value(), StandardCharsets.UTF_8))))
                    .as("data of " + name)
                    .isEmpty();
        }
    }

    /** The topic from its start until the plan's submission and a watermark that covers it. */
    private List<ConsumerRecord<String, byte[]>> recordsThroughThePlansSubmission() {
        String plan = submittedPlan();
        return TopicReader.readUntil(TOPIC, read -> {
            List<ConsumerRecord<String, byte[]>> stream = TopicReader.of(plan, read);
            long submitted = stream.stream()
                    .mapToLong(CloudEventsConsumerTest::position)
                    .max()
                    .orElse(Long.MAX_VALUE);
            return stream.size() == 3 && read.stream().anyMatch(r -> r.key() == null && position(r) >= submitted);
        });
    }

    private static long position(ConsumerRecord<String, byte[]> record) {
        return Long.parseLong(
                new String(record.headers().lastHeader(EventHeaders.POSITION).value(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
