package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.pmpledger.system.HostileRequests.Endpoint;
import org.pmpledger.system.HostileRequests.Hostile;
import org.pmpledger.testsupport.ApiClient.Answer;

/**
 * Nothing one request can send stops the ledger: a corpus of hostile input (malformed JSON, wrong types, huge and tiny
 * numbers, NaN, over-long strings and lists, deep nesting, control characters, SQL- and formula-looking codes, encoded
 * slashes, oversized bodies, wrong content types, wrong-kind ids, bad headers) sent to every endpoint of both services
 * as shipped. Every answer is a 4xx problem+json, none a 5xx; nothing is stored; and the pipeline still flows for
 * everyone else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static Stack stack;
    private static HostileRequests requests;
    private static long eventsBefore;
    private static long keysBefore;
    private static long slotsBefore;

    @BeforeAll
    static void aPlanToAimAt() {
        stack = Stack.get();
        requests = HostileRequests.against(stack);
        eventsBefore = stack.rowsOf("domain_event_entry");
        keysBefore = stack.rowsOf("idempotency_record");
        slotsBefore = stack.rowsOf("plan_slot");
    }

    static Stream<Arguments> corpus() {
        return requests.endpoints().stream()
                .flatMap(endpoint -> requests.cases(endpoint).stream().map(hostile -> Arguments.of(endpoint, hostile)));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corpus")
    void hostileRequestIsRefusedWithAProblemAndNeverA5xx(Endpoint endpoint, Hostile hostile) {
        Answer answer = requests.send(endpoint, hostile);

        String told = endpoint + ": " + hostile + " -> " + answer.response().body();
        assertThat(answer.status()).as(told).isBetween(400, 499);
        assertThat(answer.contentType()).as(told).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).startsWith("/problems/");
    }

    @Order(2)
    @Test
    void nothingOfTheCorpusIsStored() {
        assertThat(stack.rowsOf("domain_event_entry")).isEqualTo(eventsBefore);
        assertThat(stack.rowsOf("idempotency_record")).isEqualTo(keysBefore);
        assertThat(stack.rowsOf("plan_slot")).isEqualTo(slotsBefore);
    }

    @Order(3)
    @Test
    void aPlanDraftedByAnotherAgencyAfterTheCorpusIsReadOnTheQuerySideWithinTwoSeconds() {
        String editor = Stack.TOKENS.lcsaEditor("SHASTA");
        String planId = stack.draftPlan(editor, "SHASTA");

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    Answer read = stack.queries.get("/api/v1/plans/" + planId, editor);
                    assertThat(read.status()).isEqualTo(200);
                    assertThat(read.body().get("lcsa").asString()).isEqualTo("SHASTA");
                });
    }

    @Order(4)
    @Test
    void theCorpusCoversEveryEndpointEitherServiceDocuments() {
        Set<String> documented = new TreeSet<>();
        documented.addAll(HostileRequests.documentedEndpoints("command", stack.commands));
        documented.addAll(HostileRequests.documentedEndpoints("query", stack.queries));

        Set<String> covered = new TreeSet<>();
        requests.endpoints().forEach(endpoint -> covered.add(endpoint.operation()));

        assertThat(covered).containsAll(documented);
        assertThat(requests.endpoints())
                .allSatisfy(endpoint -> assertThat(requests.cases(endpoint)).hasSizeGreaterThan(3));
    }
}
