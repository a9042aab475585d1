package org.pmpledger.query.table;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import org.pmpledger.web.ApiDocumentation;
import org.pmpledger.web.OperationDocumentation;

/**
 * What every read answered with a {@link Table} adds to the OpenAPI document: its {@code format} parameter (a file by
 * link) and the 406 a format it does not offer meets.
 */
@Component
class TableDocumentation extends OperationDocumentation {

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handler) {
        if (!answersATable(handler)) {
            return operation;
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "format".equals(parameter.getName()))) {
            return operation;
        }
        StringSchema formats = new StringSchema();
        formats.setEnum(List.of("json", "csv", "xlsx"));
        operation.addParametersItem(new QueryParameter()
                .name("format")
                .required(false)
                .description("csv or xlsx: the table as a file (an attachment named after it), as Accept would ask")
                .schema(formats));
        ApiDocumentation.problem(operation, 406, "The format asked for is not one this table comes in");
        return operation;
    }

    private static boolean answersATable(HandlerMethod handler) {
        return ApiDocumentation.answerType(handler)
                .filter(Table.class::isAssignableFrom)
                .isPresent();
    }
}
