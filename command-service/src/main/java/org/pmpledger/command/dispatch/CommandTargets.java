package org.pmpledger.command.dispatch;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Which aggregate a command targets: its field marked {@link TargetAggregateIdentifier} (and
 * {@link TargetAggregateVersion}, if any), as Axon's own resolver reads them, looked up once per command class
 * (Axon's resolver scans the class's annotations on every command).
 */
@Component("commandTargets")
public class CommandTargets implements CommandTargetResolver {

    private record Accessors(MethodHandle identifier, MethodHandle version) {}

    private final ClassValue<Accessors> byType = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return new Accessors(
                    fieldMarked(type, TargetAggregateIdentifier.class),
                    fieldMarked(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Accessors accessors = byType.get(payload.getClass());
        Object identifier = read(accessors.identifier(), payload);
        if (identifier == null) {
            throw new IllegalArgumentException(
                    "Invalid command. It does not identify the target aggregate. "
                            + "Make sure at least one of the fields or methods in the ["
                            + payload.getClass().getSimpleName()
                            + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null value.");
        }
        Object version = accessors.version() == null ? null : read(accessors.version(), payload);
        return new VersionedAggregateIdentifier(identifier, version == null ? null : ((Number) version).longValue());
    }

    /** The stream (plan or cycle) a command appends to: the value of its target field. */
    public String streamOf(Object command) {
        Object identifier = read(byType.get(command.getClass()).identifier(), command);
        if (identifier == null) {
            throw new IllegalArgumentException(
                    command.getClass().getSimpleName() + " names no stream (@TargetAggregateIdentifier)");
        }
        return identifier.toString();
    }

    private static MethodHandle fieldMarked(Class<?> type, Class<? extends Annotation> marker) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(marker)) {
                    try {
                        field.setAccessible(true);
                        return MethodHandles.lookup().unreflectGetter(field);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read " + field, e);
                    }
                }
            }
        }
        return null;
    }

    private static Object read(MethodHandle accessor, Object payload) {
        if (accessor == null) {
            return null;
        }
        try {
            return accessor.invoke(payload);
        } catch (Throwable e) {
            throw new IllegalStateException(
                    "cannot read the target of " + payload.getClass().getSimpleName(), e);
        }
    }
}
