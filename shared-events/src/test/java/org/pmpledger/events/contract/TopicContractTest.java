package org.pmpledger.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.pmpledger.events.PmpEventTypes;

/**
 * The topic's AsyncAPI document ({@code src/main/resources/contract/asyncapi.json}, served by the command service) is
 * the one the event catalogue makes ({@link TopicContract}); it is valid AsyncAPI 3.0.0 (the specification's own JSON
 * Schema, {@code schemas/3.0.0-without-$id.json} of npm's {@code @asyncapi/specs} 6.11.1, Apache-2.0, checked in
 * beside the test); every checked-in sample of every event revision is valid under its revision's schema, and a sample
 * that lacks a field or carries one more is not.
 * <p>After changing an event (with a new {@code @EventRevision}), write the document again with
 * {@code ./mvnw -pl shared-events test -Dtest=TopicContractTest -Dpmp.contract.write=true}, freeze the superseded
 * revision's schema into {@code src/test/resources/contract/frozen/}, and add the new revision's sample.
 */
class TopicContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DOCUMENT = Path.of("src/main/resources/contract/asyncapi.json");
    private static final Path SAMPLES = Path.of("src/test/resources/samples");
    private static final SchemaRegistry DRAFT_7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private final TopicContract contract = new TopicContract();

    @Test
    void theCheckedInDocumentIsTheOneTheEventsMake() throws IOException {
        String generated = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(contract.document()) + "\n";
        if (Boolean.getBoolean("pmp.contract.write")) {
            Files.writeString(DOCUMENT, generated);
        }

        assertThat(Files.readString(DOCUMENT))
                .as("the AsyncAPI document is out of date: write it again (see this test's comment)")
                .isEqualTo(generated);
    }

    @Test
    void theDocumentIsValidAsyncApi3() throws IOException {
        List<Error> errors = asyncApi3().validate(contract.document());

        assertThat(errors).isEmpty();
    }

    @Test
    void aDocumentWhoseMessageLacksItsPayloadSchemaIsNotValidAsyncApi3() throws IOException {
        ObjectNode document = contract.document();
        ((ObjectNode) document.get("components").get("messages").get("pmp.plan.PlanDrafted.v1")).put("payload", 42);

        assertThat(asyncApi3().validate(document)).isNotEmpty();
    }

    private static Schema asyncApi3() throws IOException {
        try (InputStream in = TopicContractTest.class.getResourceAsStream("/contract/asyncapi-3.0.0.schema.json")) {
            return DRAFT_7.getSchema(SchemaLocation.of("urn:asyncapi:3.0.0"), JSON.readTree(in));
        }
    }

    @Test
    void everyRevisionOfEveryEventHasASchemaAndAMessage() {
        JsonNode components = contract.document().get("components");

        PmpEventTypes.all().forEach((typeName, type) -> {
            for (int revision = 1; revision <= PmpEventTypes.revisionOf(type); revision++) {
                String name = TopicContract.revisionName(typeName, revision);
                assertThat(components.get("schemas").has(name)).as(name).isTrue();
                assertThat(components
                                .get("messages")
                                .get(name)
                                .get("headers")
                                .get("properties")
                                .get("ce_revision")
                                .get("const")
                                .asString())
                        .isEqualTo(String.valueOf(revision));
            }
        });
    }

    static Stream<Path> samples() throws IOException {
        return Files.walk(SAMPLES)
                .filter(path -> path.toString().endsWith(".json"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleIsValidUnderItsRevisionsSchema(Path sample) throws IOException {
        JsonNode json = JSON.readTree(sample.toFile());

        assertThat(schemaOf(sample).validate(json)).isEmpty();
    }

    @Test
    void aSampleWithoutOneOfItsFieldsIsRefused() throws IOException {
        Path sample = SAMPLES.resolve("plan/PlanDrafted.v1.json");
        ObjectNode json = (ObjectNode) JSON.readTree(sample.toFile());
        json.remove("lcsa");

        assertThat(schemaOf(sample).validate(json))
                .extracting(Error::getMessage)
                .anyMatch(message -> message.contains("lcsa"));
    }

    @Test
    void aSampleWithAFieldItsRevisionDoesNotHaveIsRefused() throws IOException {
        Path sample = SAMPLES.resolve("cycle/PlanningCycleOpened.v1.json");
        ObjectNode json = (ObjectNode) JSON.readTree(sample.toFile());
        ((ObjectNode) json.get("keyInitiatives").get(0)).putNull("thresholdIndicator");

        assertThat(schemaOf(sample).validate(json))
                .extracting(Error::getMessage)
                .anyMatch(message -> message.contains("thresholdIndicator"));
    }

    /** A sample {@code <context>/<Event>.v<revision>.json} and the schema of that revision. */
    private Schema schemaOf(Path sample) {
        String context = sample.getParent().getFileName().toString();
        String file = sample.getFileName().toString();
        String name = "pmp." + context + "." + file.substring(0, file.length() - ".json".length());
        JsonNode schema = contract.document().get("components").get("schemas").get(name);
        assertThat(schema).as("a schema named " + name).isNotNull();
        return DRAFT_7.getSchema(SchemaLocation.of("urn:pmp:" + name), schema);
    }
}
