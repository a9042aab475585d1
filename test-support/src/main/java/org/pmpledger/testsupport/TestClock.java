package org.pmpledger.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock a service under test decides with: the system clock until a test sets "now", then that
 * instant until the test sets another or resets it.
 */
public final class TestClock extends Clock {

    private static final Clock SYSTEM = Clock.systemUTC();

    private volatile Instant now;

    public void set(String instant) {
        now = Instant.parse(instant);
    }

    public void reset() {
        now = null;
    }

    @Override
    public Instant instant() {
        Instant fixed = now;
        return fixed != null ? fixed : SYSTEM.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
