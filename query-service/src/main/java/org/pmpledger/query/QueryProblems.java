package org.pmpledger.query;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.pmpledger.web.ApiProblems;

/** The query side's refusals as problem+json. */
@RestControllerAdvice
class QueryProblems extends ApiProblems {}
