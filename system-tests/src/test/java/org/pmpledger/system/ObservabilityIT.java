package org.pmpledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAccumulator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.pmpledger.testsupport.ApiClient;
import org.pmpledger.testsupport.ApiClient.Answer;
import org.pmpledger.testsupport.Ffy2022;
import org.pmpledger.testsupport.TopicReader;

/**
 * What an operator sees of both services as shipped: a command's trace id on its Kafka record and in the query
 * service's log line for its apply; under load, the Prometheus scrape of publication and projection lag moving, and
 * back at zero once the load stops.
 */
class ObservabilityIT {

    private static final String[] LOADED_AGENCIES = {"TEHAMA", "TULARE", "VENTURA", "YUBA"};
    private static final Duration LOAD = Duration.ofSeconds(8);

    static Stack stack;

    @BeforeAll
    static void bothServicesRunning() {
        stack = Stack.get();
    }

    @Test
    void aCommandsTraceIdIsOnItsKafkaRecordAndInTheProjectionsLogLine() throws Exception {
        Answer drafted = stack.commands.post(
                "/api/v1/plans", Stack.TOKENS.lcsaEditor("SOLANO"), Map.of("ffy", Stack.FFY, "lcsa", "SOLANO"));
        assertThat(drafted.status()).isEqualTo(201);
        String planId = drafted.body().get("id").asString();
        String traceId = drafted.header("traceparent").split("-")[1];

        assertThat(header(recordOf(planId), "traceparent")).contains(traceId);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(logLines())
                        .filteredOn(line -> line.contains("applied pmp.plan.PlanDrafted of stream " + planId))
                        .singleElement()
                        .asString()
                        .contains(traceId));
    }

    @Test
    void underLoadTheScrapeShowsTheLagsMovingAndBackAtZeroAfterwards() throws Exception {
        List<String[]> plans = new ArrayList<>();
        for (String lcsa : LOADED_AGENCIES) {
            String editor = Stack.TOKENS.lcsaEditor(lcsa);
            Answer drafted = stack.commands.post("/api/v1/plans", editor, Map.of("ffy", Stack.FFY, "lcsa", lcsa));
            assertThat(drafted.status()).as(drafted.response().body()).isEqualTo(201);
            String planId = drafted.body().get("id").asString();
            Answer entry =
                    stack.commands.post("/api/v1/plans/" + planId + "/entries", editor, Ffy2022.entryForInitiative1());
            assertThat(entry.status()).as(entry.response().body()).isEqualTo(201);
            plans.add(new String[] {planId, entry.body().get("id").asString(), editor});
        }
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        DoubleAccumulator highestPublication = new DoubleAccumulator(Math::max, 0);
        DoubleAccumulator highestProjection = new DoubleAccumulator(Math::max, 0);
        ExecutorService load = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (String[] plan : plans) {
                senders.add(load.submit(() -> {
                    while (loading.get()) {
                        Answer added = stack.commands.post(
                                "/api/v1/plans/" + plan[0] + "/tactics",
                                plan[2],
                                Map.of(
                                        "entryId",
                                        plan[1],
                                        "title",
                                        "Tactic " + System.nanoTime(),
                                        "leads",
                                        List.of("Lead"),
                                        "projectedCompletion",
                                        "2022-06-30"));
                        if (added.status() == 201) {
                            sent.incrementAndGet();
                        }
                    }
                }));
            }
            // a scraper's pace: every 50 ms while the load runs
            ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
            ScheduledFuture<?> scraping = scraper.scheduleWithFixedDelay(
                    () -> {
                        highestPublication.accumulate(scrape(stack.commands, "pmp_publication_lag_events"));
                        highestProjection.accumulate(scrape(stack.queries, "pmp_projection_lag_positions"));
                    },
                    0,
                    50,
                    TimeUnit.MILLISECONDS);
            try {
                scraping.get(LOAD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException loadDone) {
                scraping.cancel(false);
            } finally {
                scraper.shutdownNow();
            }
            loading.set(false);
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            load.shutdownNow();
        }

        assertThat(sent.get()).as("tactics added").isGreaterThan(20);
        assertThat(highestPublication.get())
                .as("publication lag seen under load")
                .isPositive();
        assertThat(highestProjection.get()).as("projection lag seen under load").isPositive();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(scrape(stack.commands, "pmp_publication_lag_events")).isZero();
            assertThat(scrape(stack.queries, "pmp_projection_lag_positions")).isZero();
        });
    }

    /**
     * The highest value among a meter's series in a Prometheus scrape; the meter has at least one series with a value
     * (a missing or NaN one is not zero).
     */
    private static double scrape(ApiClient service, String meter) {
        Answer scrape = service.get("/actuator/prometheus", Stack.TOKENS.analyst());
        assertThat(scrape.status()).isEqualTo(200);
        List<Double> values = scrape.response()
                .body()
                .lines()
                .filter(line -> line.startsWith(meter + " ") || line.startsWith(meter + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .filter(value -> !Double.isNaN(value))
                .toList();
        assertThat(values).as(meter + " in the scrape").isNotEmpty();
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static ConsumerRecord<String, byte[]> recordOf(String key) {
        return TopicReader.of(
                        key,
                        TopicReader.readUntil(
                                stack.topic, read -> !TopicReader.of(key, read).isEmpty()))
                .getFirst();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<String> logLines() {
        try {
            return Files.readAllLines(stack.queryLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
