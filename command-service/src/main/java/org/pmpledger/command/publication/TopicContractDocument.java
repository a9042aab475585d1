package org.pmpledger.command.publication;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan-events topic's AsyncAPI 3 document (from {@code shared-events}: every event revision's JSON Schema, the
 * CloudEvents headers, the watermark), for consumers to read or generate from; no token needed, like the OpenAPI one.
 */
@RestController
@Hidden
class TopicContractDocument {

    static final String PATH = "/asyncapi.json";
    private static final Resource DOCUMENT = new ClassPathResource("contract/asyncapi.json");

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> document() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON)
                .body(DOCUMENT);
    }
}
