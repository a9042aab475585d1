package org.pmpledger.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code pmp.limits.*}).
 *
 * @param body      every request's body, unless its path is a bulk path
 * @param bulkBody  the body of a bulk request (up to 1,000 items)
 * @param bulkPaths the paths that take bulk requests
 */
@ConfigurationProperties("pmp.limits")
public record InputLimitSettings(
        @DefaultValue("256KB") DataSize body,
        @DefaultValue("4MB") DataSize bulkBody,
        @DefaultValue("/api/v1/progress-batches") List<String> bulkPaths) {

    long limitOf(String path) {
        return bulkPaths.contains(path) ? bulkBody.toBytes() : body.toBytes();
    }
}
