package org.pmpledger.query.due;

import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.springframework.stereotype.Component;

/**
 * A feed's URL is its credential: what observations record of a request (the spans exported with traces) names the
 * feed path's template instead of its token.
 */
@Component
class FeedTokensRedacted implements ObservationFilter {

    /** A segment after the feeds path long enough to be a token, whatever follows it (a mistyped path included). */
    private static final Pattern TOKEN = Pattern.compile("(?i)/api/v1/feeds/[A-Za-z0-9_-]{20,}");

    @Override
    public Observation.Context map(Observation.Context context) {
        for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
            if (TOKEN.matcher(keyValue.getValue()).find()) {
                context.addHighCardinalityKeyValue(redacted(keyValue));
            }
        }
        for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
            if (TOKEN.matcher(keyValue.getValue()).find()) {
                context.addLowCardinalityKeyValue(redacted(keyValue));
            }
        }
        return context;
    }

    private static KeyValue redacted(KeyValue keyValue) {
        return KeyValue.of(keyValue.getKey(), TOKEN.matcher(keyValue.getValue()).replaceAll("/api/v1/feeds/{token}"));
    }
}
