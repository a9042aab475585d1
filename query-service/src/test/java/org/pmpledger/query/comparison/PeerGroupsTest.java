package org.pmpledger.query.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pmpledger.query.comparison.PeerGroups.PeerGroup;

/** Peers by caseload: thirds from the smallest, the larger groups taking what does not divide. */
class PeerGroupsTest {

    @Test
    void agenciesSplitIntoThirdsBySize() {
        Map<String, PeerGroup> groups =
                PeerGroups.of(Map.of("A", 100L, "B", 200L, "C", 300L, "D", 400L, "E", 500L, "F", 600L));

        assertThat(groups)
                .containsEntry("A", PeerGroup.SMALL)
                .containsEntry("B", PeerGroup.SMALL)
                .containsEntry("C", PeerGroup.MEDIUM)
                .containsEntry("D", PeerGroup.MEDIUM)
                .containsEntry("E", PeerGroup.LARGE)
                .containsEntry("F", PeerGroup.LARGE);
    }

    @Test
    void whatDoesNotDivideGoesToTheLargerGroups() {
        Map<String, PeerGroup> groups = PeerGroups.of(Map.of("A", 1L, "B", 2L, "C", 3L, "D", 4L, "E", 5L));

        assertThat(groups.values().stream().filter(g -> g == PeerGroup.SMALL)).hasSize(1);
        assertThat(groups.values().stream().filter(g -> g == PeerGroup.MEDIUM)).hasSize(2);
        assertThat(groups.values().stream().filter(g -> g == PeerGroup.LARGE)).hasSize(2);
    }

    @Test
    void equalCaseloadsAreOrderedByCode() {
        Map<String, PeerGroup> groups = PeerGroups.of(Map.of("B", 7L, "A", 7L, "C", 7L));

        assertThat(groups)
                .containsEntry("A", PeerGroup.SMALL)
                .containsEntry("B", PeerGroup.MEDIUM)
                .containsEntry("C", PeerGroup.LARGE);
    }

    @Test
    void noCaseloadsMakeNoGroups() {
        assertThat(PeerGroups.of(Map.of())).isEmpty();
    }
}
