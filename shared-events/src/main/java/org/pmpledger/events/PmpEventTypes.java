package org.pmpledger.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.pmpledger.events.cycle.CycleEvent;
import org.pmpledger.events.plan.PlanEvent;

/**
 * The catalogue of published event types. A type's name is {@code pmp.<context>.<EventName>} (the
 * CloudEvents {@code type} attribute); its revision comes from {@link EventRevision}.
 */
public final class PmpEventTypes {

    private static final Map<String, Class<? extends PmpEvent>> BY_NAME = catalogue();

    private PmpEventTypes() {}

    public static String typeName(Class<?> eventClass) {
        String pkg = eventClass.getPackageName();
        String context = pkg.substring(pkg.lastIndexOf('.') + 1);
        return "pmp." + context + "." + eventClass.getSimpleName();
    }

    public static int revisionOf(Class<?> eventClass) {
        EventRevision revision = eventClass.getAnnotation(EventRevision.class);
        if (revision == null) {
            throw new IllegalArgumentException(eventClass.getName() + " carries no @EventRevision");
        }
        return revision.value();
    }

    public static Optional<Class<? extends PmpEvent>> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static Map<String, Class<? extends PmpEvent>> all() {
        return BY_NAME;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends PmpEvent>> catalogue() {
        Map<String, Class<? extends PmpEvent>> byName = new LinkedHashMap<>();
        Stream.of(CycleEvent.class, PlanEvent.class)
                .flatMap(context -> Stream.of(context.getPermittedSubclasses()))
                .forEach(type -> {
                    Class<? extends PmpEvent> eventType = (Class<? extends PmpEvent>) type;
                    if (byName.put(typeName(eventType), eventType) != null) {
                        throw new IllegalStateException("two events named " + typeName(eventType));
                    }
                });
        return Collections.unmodifiableMap(byName);
    }
}
