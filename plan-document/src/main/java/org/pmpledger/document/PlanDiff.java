package org.pmpledger.document;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field-level difference between two plan documents: each field added (absent → present), changed
 * (old → new) or removed (present → absent), by a path that names entries, quarters and tactics by their
 * ids ({@code entries[E-1].tactics[T-2].status}, {@code entries[E-1].quarterlyUpdates[Q2].value}).
 *
 * <p>An entry, quarter or tactic that appears or disappears is one change carrying the whole item. Lists of
 * other values (a tactic's leads) compare as one value; the review history compares by place. Numbers compare
 * by value ({@code 1.0} = {@code 1.00}). The document's {@code version} and {@code position} are not fields
 * of the plan: a diff states them for both sides instead.
 */
public final class PlanDiff {

    public enum Kind {
        ADDED,
        CHANGED,
        REMOVED
    }

    /**
     * One difference.
     *
     * @param entryId  the entry it belongs to, if any
     * @param tacticId the tactic it belongs to, if any
     */
    public record Change(String path, Kind kind, String entryId, String tacticId, Object from, Object to) {}

    /** The lists whose items keep an identity across versions: list → the item's identifying component. */
    private static final Map<String, String> KEYS =
            Map.of("entries", "entryId", "tactics", "tacticId", "quarterlyUpdates", "quarter");

    private static final Set<String> NOT_PLAN_FIELDS = Set.of("version", "position");

    private PlanDiff() {}

    public static List<Change> between(PlanDocument from, PlanDocument to) {
        List<Change> changes = new ArrayList<>();
        compareRecords("", from, to, new Scope(null, null), changes);
        return List.copyOf(changes);
    }

    private record Scope(String entryId, String tacticId) {

        Scope enter(String component, String key) {
            return switch (component) {
                case "entryId" -> new Scope(key, null);
                case "tacticId" -> new Scope(entryId, key);
                default -> this;
            };
        }
    }

    private static void compareRecords(String path, Record from, Record to, Scope scope, List<Change> changes) {
        for (RecordComponent component : from.getClass().getRecordComponents()) {
            if (path.isEmpty() && NOT_PLAN_FIELDS.contains(component.getName())) {
                continue;
            }
            String at = path.isEmpty() ? component.getName() : path + "." + component.getName();
            compare(at, KEYS.get(component.getName()), value(component, from), value(component, to), scope, changes);
        }
    }

    /** @param key the identifying component of the items, when the values are a list of items with an identity */
    private static void compare(String path, String key, Object from, Object to, Scope scope, List<Change> changes) {
        if (from == null && to == null) {
            return;
        }
        if (from == null || to == null) {
            changes.add(new Change(
                    path, from == null ? Kind.ADDED : Kind.REMOVED, scope.entryId(), scope.tacticId(), from, to));
        } else if (from instanceof Record a && to instanceof Record b) {
            compareRecords(path, a, b, scope, changes);
        } else if (from instanceof List<?> a && to instanceof List<?> b && key != null) {
            compareKeyed(path, a, b, key, scope, changes);
        } else if (from instanceof List<?> a && to instanceof List<?> b && isRecords(a, b)) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compare(
                        path + "[" + i + "]",
                        null,
                        i < a.size() ? a.get(i) : null,
                        i < b.size() ? b.get(i) : null,
                        scope,
                        changes);
            }
        } else if (!same(from, to)) {
            changes.add(new Change(path, Kind.CHANGED, scope.entryId(), scope.tacticId(), from, to));
        }
    }

    private static void compareKeyed(
            String path, List<?> from, List<?> to, String key, Scope scope, List<Change> changes) {
        Map<String, Record> before = byKey(from, key);
        Map<String, Record> after = byKey(to, key);
        before.forEach((id, item) -> {
            Scope inner = scope.enter(key, id);
            String at = path + "[" + id + "]";
            if (after.containsKey(id)) {
                compareRecords(at, item, after.get(id), inner, changes);
            } else {
                changes.add(new Change(at, Kind.REMOVED, inner.entryId(), inner.tacticId(), item, null));
            }
        });
        after.forEach((id, item) -> {
            if (!before.containsKey(id)) {
                Scope inner = scope.enter(key, id);
                changes.add(
                        new Change(path + "[" + id + "]", Kind.ADDED, inner.entryId(), inner.tacticId(), null, item));
            }
        });
    }

    private static Map<String, Record> byKey(List<?> items, String key) {
        Map<String, Record> byKey = new LinkedHashMap<>();
        for (Object item : items) {
            Record record = (Record) item;
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals(key)) {
                    byKey.put(String.valueOf(value(component, record)), record);
                }
            }
        }
        return byKey;
    }

    private static boolean isRecords(List<?> a, List<?> b) {
        return (!a.isEmpty() && a.getFirst() instanceof Record) || (!b.isEmpty() && b.getFirst() instanceof Record);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
