package org.pmpledger.query.due;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

/** What a request's observation records of a feed's URL names the path's template, never the token. */
class FeedTokensRedactedTest {

    private static final String TOKEN = "XMX8s1OWpFH-HwZhd_fsmBHUZN8Y2X98fLUhDw8f5S8";

    @Test
    void aFeedsTokenLeavesTheRecordedUrl() {
        Observation.Context context = new Observation.Context();
        context.addHighCardinalityKeyValue(KeyValue.of("http.url", "/api/v1/feeds/" + TOKEN + "/due.ics"));

        Observation.Context recorded = new FeedTokensRedacted().map(context);

        assertThat(recorded.getHighCardinalityKeyValue("http.url").getValue())
                .isEqualTo("/api/v1/feeds/{token}/due.ics")
                .doesNotContain(TOKEN);
    }

    @Test
    void otherUrlsAreRecordedAsTheyAre() {
        Observation.Context context = new Observation.Context();
        context.addHighCardinalityKeyValue(KeyValue.of("http.url", "/api/v1/due?lcsa=KERN"));

        Observation.Context recorded = new FeedTokensRedacted().map(context);

        assertThat(recorded.getHighCardinalityKeyValue("http.url").getValue()).isEqualTo("/api/v1/due?lcsa=KERN");
    }
}
