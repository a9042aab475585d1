package org.pmpledger.events.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.pmpledger.events.EventHeaders;
import org.pmpledger.events.PmpEvent;
import org.pmpledger.events.PmpEventTypes;

/**
 * The AsyncAPI 3 document of the plan-events topic, made from the event catalogue ({@link PmpEventTypes}): one message
 * per event revision, its payload the JSON Schema generated from the event's record (every component present,
 * nothing else), its headers the CloudEvents attributes in Kafka binary mode; the watermark as a message of its own.
 * A revision no longer current keeps the schema it had when it was current: frozen in {@code contract/frozen/}.
 */
final class TopicContract {

    static final String TOPIC = "pmp.plan-events.v1";
    static final String KAFKA_BINDING = "0.5.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemaGenerator generator;

    TopicContract() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.INLINE_ALL_SCHEMAS)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // the publisher's JSON writes every record component, null or not
        config.forFields().withRequiredCheck(field -> true);
        generator = new SchemaGenerator(config.build());
    }

    /** The name of an event revision's schema and message: {@code pmp.plan.PlanDrafted.v1}. */
    static String revisionName(String typeName, int revision) {
        return typeName + ".v" + revision;
    }

    /** Every event revision's JSON Schema by {@link #revisionName}: generated for current revisions, frozen before. */
    Map<String, ObjectNode> payloadSchemas() {
        Map<String, ObjectNode> schemas = new TreeMap<>();
        PmpEventTypes.all().forEach((typeName, type) -> {
            int current = PmpEventTypes.revisionOf(type);
            for (int revision = 1; revision < current; revision++) {
                schemas.put(revisionName(typeName, revision), frozen(revisionName(typeName, revision)));
            }
            schemas.put(revisionName(typeName, current), generated(type));
        });
        return schemas;
    }

    ObjectNode generated(Class<? extends PmpEvent> type) {
        ObjectNode schema = generator.generateSchema(type);
        schema.put("title", PmpEventTypes.typeName(type) + " revision " + PmpEventTypes.revisionOf(type));
        return schema;
    }

    private static ObjectNode frozen(String name) {
        String resource = "/contract/frozen/" + name + ".schema.json";
        try (InputStream in = TopicContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no frozen schema " + resource + " for a revision no longer current");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole document. */
    ObjectNode document() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        doc.put("id", "urn:pmp-ledger:plan-events");
        ObjectNode info = doc.putObject("info");
        info.put("title", "PMP Ledger plan events");
        info.put("version", "1");
        info.put(
                "description",
                "Every event of the ledger, in the order it was stored, keyed by its plan's or cycle's id so each"
                        + " stream keeps its order within a partition. Records are CloudEvents 1.0 in Kafka binary"
                        + " mode: the attributes are ce_* headers, the data's media type is Kafka's content-type"
                        + " header, the value is the event's JSON. The topic keeps every record forever: a consumer"
                        + " reads older revisions of an event too (ce_revision names the one it was written in)."
                        + " After each batch, and every second while idle, the publisher sends a watermark to every"
                        + " partition. Records written by earlier publishers differ: an event names its data's media"
                        + " type in ce_datacontenttype instead of content-type and its ce_sequence unpadded; a"
                        + " watermark carries only ce_type, ce_source, ce_position and pmp_committed_before, with an"
                        + " empty value, and is no CloudEvent: a consumer reading from the start skips a record"
                        + " without ce_specversion.");
        doc.put("defaultContentType", EventHeaders.JSON);

        ObjectNode channel = doc.putObject("channels").putObject("planEvents");
        channel.put("address", TOPIC);
        channel.put("title", "Plan events");
        ObjectNode channelMessages = channel.putObject("messages");
        ObjectNode kafkaTopic = channel.putObject("bindings").putObject("kafka");
        kafkaTopic.put("topic", TOPIC);
        kafkaTopic.put("bindingVersion", KAFKA_BINDING);

        ObjectNode operation = doc.putObject("operations").putObject("publishPlanEvents");
        operation.put("action", "send");
        operation.put("title", "The command service publishes every stored event");
        operation.putObject("channel").put("$ref", "#/channels/planEvents");
        ArrayNode operationMessages = operation.putArray("messages");

        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");

        payloadSchemas().forEach((name, schema) -> {
            String typeName = name.substring(0, name.lastIndexOf(".v"));
            int revision = Integer.parseInt(name.substring(name.lastIndexOf(".v") + 2));
            schemas.set(name, schema);
            messages.set(name, eventMessage(typeName, revision, name));
            link(channelMessages, operationMessages, name);
        });
        schemas.set("pmp.watermark", watermarkSchema());
        messages.set("pmp.watermark", watermarkMessage());
        link(channelMessages, operationMessages, "pmp.watermark");
        return doc;
    }

    private static void link(ObjectNode channelMessages, ArrayNode operationMessages, String name) {
        channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
        operationMessages.addObject().put("$ref", "#/channels/planEvents/messages/" + name);
    }

    private static ObjectNode eventMessage(String typeName, int revision, String name) {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", name);
        message.put("title", typeName + " (revision " + revision + ")");
        message.put("contentType", EventHeaders.JSON);
        ObjectNode headers = cloudEventHeaders(typeName);
        ObjectNode properties = (ObjectNode) headers.get("properties");
        properties.set(
                EventHeaders.SUBJECT, text("The event's stream: its plan's or cycle's id, also the record's key"));
        properties.set(EventHeaders.REVISION, constant(String.valueOf(revision), "The revision of the data's schema"));
        properties.set(
                EventHeaders.SEQUENCE,
                pattern(
                        "^[0-9]{1,19}$",
                        "The event's place in its stream, from 0; zero-padded to 19 digits so it sorts as text"
                                + " (records written before the padding carry it unpadded)"));
        properties.set(EventHeaders.POSITION, pattern("^[0-9]{1,19}$", "The event's global position in the ledger"));
        properties.set(
                "traceparent",
                pattern(
                        "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                        "W3C trace context of the publish span, in the trace of the request that stored the event"
                                + " (absent on events stored before tracing)"));
        ((ArrayNode) headers.get("required"))
                .add(EventHeaders.SUBJECT)
                .add(EventHeaders.REVISION)
                .add(EventHeaders.SEQUENCE)
                .add(EventHeaders.POSITION);
        message.set("headers", headers);
        message.putObject("payload").put("$ref", "#/components/schemas/" + name);
        ObjectNode key = message.putObject("bindings").putObject("kafka");
        key.set("key", text("The stream's id (plan UUID or cycle id): a stream's records share a partition"));
        key.put("bindingVersion", KAFKA_BINDING);
        return message;
    }

    private static ObjectNode watermarkMessage() {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", EventHeaders.WATERMARK_TYPE);
        message.put("title", "Watermark");
        message.put(
                "summary",
                "Published through this position, on every partition, without a key: a reader that has applied a"
                        + " partition up to its watermark has applied every event of that partition at or below the"
                        + " position. Skip it if you only want events.");
        message.put("contentType", EventHeaders.JSON);
        ObjectNode headers = cloudEventHeaders(EventHeaders.WATERMARK_TYPE);
        ObjectNode properties = (ObjectNode) headers.get("properties");
        properties.set(EventHeaders.POSITION, pattern("^[0-9]{1,19}$", "Published through this global position"));
        properties.set(
                EventHeaders.COMMITTED_BEFORE,
                dateTime("On a heartbeat's watermark: every event committed before this instant is at or below the"
                        + " position"));
        properties.set(
                EventHeaders.LEGACY_COMMITTED_BEFORE,
                dateTime("The same as " + EventHeaders.COMMITTED_BEFORE + ", under the name earlier readers know"));
        ((ArrayNode) headers.get("required")).add(EventHeaders.POSITION);
        message.set("headers", headers);
        message.putObject("payload").put("$ref", "#/components/schemas/pmp.watermark");
        return message;
    }

    private static ObjectNode watermarkSchema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("title", "pmp.watermark");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ObjectNode position = properties.putObject("position");
        position.put("type", "integer");
        position.put("minimum", 0);
        properties.set("committedBefore", dateTime("As the header " + EventHeaders.COMMITTED_BEFORE));
        schema.putArray("required").add("position");
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The CloudEvents attributes every record carries, with {@code type} as its constant. */
    private static ObjectNode cloudEventHeaders(String type) {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.set(EventHeaders.SPEC_VERSION, constant(EventHeaders.SPEC_VERSION_1_0, "CloudEvents version"));
        properties.set(EventHeaders.ID, text("Unique with ce_source: an event's stored identifier"));
        properties.set(EventHeaders.TYPE, constant(type, "The CloudEvents type"));
        properties.set(EventHeaders.SOURCE, text("The publishing ledger (a URI reference)"));
        properties.set(EventHeaders.TIME, dateTime("When the event was stored (a watermark: when it was written)"));
        properties.set(EventHeaders.CONTENT_TYPE, constant(EventHeaders.JSON, "The data's media type"));
        headers.putArray("required")
                .add(EventHeaders.SPEC_VERSION)
                .add(EventHeaders.ID)
                .add(EventHeaders.TYPE)
                .add(EventHeaders.SOURCE)
                .add(EventHeaders.CONTENT_TYPE);
        return headers;
    }

    private static ObjectNode text(String description) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "string");
        node.put("description", description);
        return node;
    }

    private static ObjectNode constant(String value, String description) {
        ObjectNode node = text(description);
        node.put("const", value);
        return node;
    }

    private static ObjectNode pattern(String pattern, String description) {
        ObjectNode node = text(description);
        node.put("pattern", pattern);
        return node;
    }

    private static ObjectNode dateTime(String description) {
        ObjectNode node = text(description);
        node.put("format", "date-time");
        return node;
    }

    static JsonNode read(InputStream in) throws IOException {
        return JSON.readTree(in);
    }
}
