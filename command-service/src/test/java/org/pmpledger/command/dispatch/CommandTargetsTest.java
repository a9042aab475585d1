package org.pmpledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import org.pmpledger.command.progress.RecordQuarterlyProgress;
import org.pmpledger.events.plan.Quarter;

class CommandTargetsTest {

    private final CommandTargets targets = new CommandTargets();

    record Versioned(
            @TargetAggregateIdentifier String planId,
            @TargetAggregateVersion long expected) {}

    record Untargeted(String planId) {}

    @Test
    void commandTargetsThePlanItsMarkedFieldNames() {
        var command = GenericCommandMessage.asCommandMessage(
                new RecordQuarterlyProgress("plan-1", "E-1", Quarter.Q1, BigDecimal.ONE, null, null));

        assertThat(targets.resolveTarget(command))
                .isEqualTo(new AnnotationCommandTargetResolver().resolveTarget(command));
        assertThat(targets.resolveTarget(command).getIdentifier()).isEqualTo("plan-1");
        assertThat(targets.resolveTarget(command).getVersion()).isNull();
    }

    @Test
    void commandWithAVersionFieldTargetsThatVersion() {
        var command = GenericCommandMessage.asCommandMessage(new Versioned("plan-2", 7));

        assertThat(targets.resolveTarget(command))
                .isEqualTo(new AnnotationCommandTargetResolver().resolveTarget(command));
        assertThat(targets.resolveTarget(command).getVersion()).isEqualTo(7L);
    }

    @Test
    void cannotResolveACommandWithoutATargetField() {
        var command = GenericCommandMessage.asCommandMessage(new Untargeted("plan-3"));

        assertThatThrownBy(() -> targets.resolveTarget(command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@TargetAggregateIdentifier");
    }
}
