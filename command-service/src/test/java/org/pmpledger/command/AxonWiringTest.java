package org.pmpledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Guards STACK.md trap 1: under Boot 4, Axon must still find the DataSource and the transaction manager. */
class AxonWiringTest extends CommandServiceTest {

    @Autowired
    TransactionManager axonTransactions;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aFailedSendFailsThePublishersBatchInsteadOfSkippingItsEvent() {
        assertThat(processing.listenerInvocationErrorHandler("kafka-publisher"))
                .isSameAs(PropagatingErrorHandler.instance());
    }

    @Test
    void thePublisherRunsInTheProcessorWhosePausesAreCapped() {
        assertThat(processing.eventProcessor("kafka-publisher"))
                .get()
                .extracting(processor -> processor.getClass().getName())
                .isEqualTo("org.pmpledger.command.publication.PublisherProcessor$Publisher");
    }

    @Test
    void axonRunsInSpringTransactionsOnTheJdbcEventStore() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }
}
