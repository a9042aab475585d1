package org.pmpledger.web;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * What operations of some kind add to the OpenAPI document, with the document's components at hand (springdoc calls
 * that form for every operation, of every group).
 */
public abstract class OperationDocumentation implements GlobalOperationComponentsCustomizer {

    /** Not called for a components customizer: the form with components is. */
    @Override
    public final Operation customize(Operation operation, HandlerMethod handler) {
        return operation;
    }
}
