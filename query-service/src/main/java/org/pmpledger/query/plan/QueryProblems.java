package org.pmpledger.query.plan;

import org.pmpledger.web.ApiProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's refusals as problem+json. */
@RestControllerAdvice
class QueryProblems extends ApiProblems {
}
