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

    private static final Pattern TOKEN = Pattern.compile("/api/v1/feeds/[^/?]+/due\\.ics");

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
        return KeyValue.of(keyValue.getKey(), TOKEN.matcher(keyValue.getValue()).replaceAll(FeedController.FEED_PATH));
    }
}
