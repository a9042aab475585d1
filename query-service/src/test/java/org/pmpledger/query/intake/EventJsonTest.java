package org.pmpledger.query.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

import org.pmpledger.query.QueryServiceTest;

/** The mapper that decodes published events reads their times with the event-times module. */
class EventJsonTest extends QueryServiceTest {

    @Autowired
    JsonMapper json;

    @Test
    void theServicesMapperReadsEventTimesWithTheModule() {
        assertThat(json.registeredModules())
                .extracting(JacksonModule::getModuleName)
                .contains("event-times");
    }
}
