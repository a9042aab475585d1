package org.pmpledger.query.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agencies of similar caseload as peers: the agencies with a recorded caseload, ordered by it (ties by code), split
 * into thirds: SMALL, MEDIUM and LARGE (the first third the smallest; when the count does not divide by three, the
 * larger groups take the extra agencies). An agency without a caseload is in no group.
 */
public final class PeerGroups {

    public enum PeerGroup {
        SMALL,
        MEDIUM,
        LARGE
    }

    private PeerGroups() {}

    /** @param caseloads open cases by agency code */
    public static Map<String, PeerGroup> of(Map<String, Long> caseloads) {
        List<Map.Entry<String, Long>> ordered = new ArrayList<>(caseloads.entrySet());
        ordered.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        int n = ordered.size();
        int small = n / 3;
        int medium = (n + 1) / 3;
        Map<String, PeerGroup> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            PeerGroup group = i < small ? PeerGroup.SMALL : i < small + medium ? PeerGroup.MEDIUM : PeerGroup.LARGE;
            groups.put(ordered.get(i).getKey(), group);
        }
        return groups;
    }
}
