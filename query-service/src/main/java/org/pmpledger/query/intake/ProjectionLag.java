package org.pmpledger.query.intake;

import static org.pmpledger.query.jooq.Tables.PARTITION_CHECKPOINT;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far each partition's projections are behind the others, from the shared checkpoints (so any instance answers
 * for all): {@code pmp.projection.lag.positions{partition}}, the positions the partition has yet to apply to reach the
 * furthest partition (watermarks bring every partition to the same position once all is applied), and
 * {@code pmp.projection.lag.seconds{partition}}, how long since that partition last applied while it is behind (0 when
 * it is not); {@code pmp.projection.idle.seconds}, how long since any partition applied anything (heartbeat watermarks
 * reach every partition each second while the ledger is idle, so more than a few seconds means the intake as a whole
 * stands). Kafka's own consumer metrics add the records not yet fetched ({@code kafka_consumer_fetch_manager_records_lag}).
 */
@Component
class ProjectionLag {

    private final DSLContext db;
    /** The clock the intake stamps its checkpoints with. */
    private final Clock clock;

    private final String topic;
    private final MultiGauge positions;
    private final MultiGauge seconds;
    private volatile double idle = Double.NaN;
    /** Per partition: positions behind the furthest, and seconds since it applied while behind. */
    private final Map<Integer, double[]> lagOf = new ConcurrentHashMap<>();

    ProjectionLag(DSLContext db, Clock clock, @Value("${pmp.intake.topic}") String topic, MeterRegistry meters) {
        this.db = db;
        this.clock = clock;
        this.topic = topic;
        this.positions = MultiGauge.builder("pmp.projection.lag.positions")
                .description("Positions this partition has yet to apply to reach the furthest partition")
                .register(meters);
        this.seconds = MultiGauge.builder("pmp.projection.lag.seconds")
                .description("Seconds since this partition last applied, while it is behind")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("pmp.projection.idle.seconds", this, lag -> lag.idle)
                .description("Seconds since any partition last applied a batch")
                .baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${pmp.intake.lag-interval:PT5S}")
    void measure() {
        List<Record3<Integer, Long, OffsetDateTime>> checkpoints = db.select(
                        PARTITION_CHECKPOINT.KAFKA_PARTITION,
                        PARTITION_CHECKPOINT.LAST_POSITION,
                        PARTITION_CHECKPOINT.APPLIED_AT)
                .from(PARTITION_CHECKPOINT)
                .where(PARTITION_CHECKPOINT.TOPIC.eq(topic))
                .fetch();
        long furthest = checkpoints.stream().mapToLong(Record3::value2).max().orElse(0);
        idle = checkpoints.stream()
                .map(Record3::value3)
                .max(Comparator.naturalOrder())
                .map(last -> secondsSince(last))
                .orElse(Double.NaN);
        checkpoints.forEach(c -> lagOf.put(
                c.value1(),
                new double[] {furthest - c.value2(), c.value2() >= furthest ? 0 : secondsSince(c.value3())}));
        // rows read their partition's latest values: registered once each (never removed and added again), a scrape
        // between two measurements sees every partition
        List<MultiGauge.Row<?>> positionRows = lagOf.keySet().stream()
                .<MultiGauge.Row<?>>map(partition -> MultiGauge.Row.of(
                        Tags.of("partition", partition.toString()), lagOf, lag -> lag.get(partition)[0]))
                .toList();
        List<MultiGauge.Row<?>> secondsRows = lagOf.keySet().stream()
                .<MultiGauge.Row<?>>map(partition -> MultiGauge.Row.of(
                        Tags.of("partition", partition.toString()), lagOf, lag -> lag.get(partition)[1]))
                .toList();
        positions.register(positionRows, false);
        seconds.register(secondsRows, false);
    }

    private double secondsSince(OffsetDateTime applied) {
        return Math.max(
                0, Duration.between(applied.toInstant(), clock.instant()).toMillis() / 1000.0);
    }
}
