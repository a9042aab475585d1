package org.pmpledger.query.due;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.query.freshness.Answers;
import org.pmpledger.query.freshness.Freshness;
import org.pmpledger.query.freshness.Reflects;
import org.pmpledger.query.scope.ReadScope;
import org.pmpledger.web.Caller;
import org.pmpledger.web.OpenPaths;
import org.pmpledger.web.RequestRefused;

@RestController
@Tag(name = "What is due", description = "What agencies owe in the next days and what is overdue; calendar feeds")
class FeedController {

    static final String FEED_PATH = "/api/v1/feeds/{token}/due.ics";

    private final Feeds feeds;
    private final WhatIsDue due;
    private final Freshness freshness;

    FeedController(Feeds feeds, WhatIsDue due, Freshness freshness) {
        this.feeds = feeds;
        this.due = due;
        this.freshness = freshness;
    }

    /** A feed's URL carries its own credential: a calendar app sends no Authorization header. */
    @Bean
    static OpenPaths feedPaths() {
        return new OpenPaths(List.of(FEED_PATH));
    }

    /** The body of {@code POST /api/v1/feeds}: the filter the feed keeps. */
    record FeedRequest(
            @Pattern(regexp = DueController.LCSA) String lcsa,
            @Pattern(regexp = DueController.REGION) String region,
            @Min(0) @Max(366) Integer days) {}

    /** A feed just made: its URL, shown this once, and when it expires. */
    record FeedCreated(String feedId, String url, String lcsa, String region, int days, Instant expiresAt) {}

    @PostMapping(
            path = "/api/v1/feeds",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "Make a calendar feed of what is due",
            description = "A URL a calendar app subscribes to without an Authorization header, showing what this "
                    + "caller reads of what is due (an agency role its own agency's), filtered by lcsa, region and "
                    + "days (default 30; the body may be left out). The URL holds a 256-bit token shown only in this answer; revoke it with "
                    + "DELETE /api/v1/feeds/{feedId}; it expires a year after it is made (pmp.feeds.lifetime). At most 20 "
                    + "feeds per caller (409).")
    ResponseEntity<FeedCreated> create(@Valid @RequestBody(required = false) FeedRequest asked) {
        FeedRequest body = asked == null ? new FeedRequest(null, null, null) : asked;
        Caller caller = Caller.current();
        if (body.lcsa() != null) {
            ReadScope.requireReads(body.lcsa());
        }
        due.requireKnownRegion(body.region());
        ReadScope scope = ReadScope.of(body.lcsa());
        if (scope.none()) {
            throw RequestRefused.notAllowed("own-agency-only", "Your role reads only your own agency's plans.");
        }
        if (feeds.activeOf(caller.subject()) >= Feeds.MAX_PER_CALLER) {
            throw RequestRefused.conflict(
                    "caller-keeps-at-most-20-feeds", "You keep 20 feeds; revoke one before making another.");
        }
        int days = body.days() == null ? 30 : body.days();
        Feeds.Feed feed = feeds.create(caller.subject(), scope.lcsa(), body.region(), days);
        String url = FEED_PATH.replace("{token}", feed.token());
        return ResponseEntity.created(URI.create(url))
                .body(new FeedCreated(feed.feedId(), url, feed.lcsa(), feed.region(), days, feed.expiresAt()));
    }

    @GetMapping(
            path = "/api/v1/feeds",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "This caller's calendar feeds",
            description = "Their filters, when made, last used and revoked; never their tokens.")
    ResponseEntity<List<Feeds.Feed>> mine() {
        return ResponseEntity.ok(feeds.of(Caller.current().subject()));
    }

    @DeleteMapping(
            path = "/api/v1/feeds/{feedId}",
            produces = {"application/json", "application/problem+json"})
    @Operation(
            summary = "Revoke one of this caller's calendar feeds",
            description = "Its URL answers 404 from now on. 404 for a feed this caller does not have or revoked.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String feedId) {
        if (!feeds.revoke(Caller.current().subject(), feedId)) {
            throw RequestRefused.notFound("You have no feed " + feedId + " that is not revoked.");
        }
    }

    @GetMapping(
            path = FEED_PATH,
            produces = {"text/calendar", "application/problem+json"})
    @Operation(
            summary = "A calendar feed of what is due (no Authorization header: the URL is the credential)",
            description = "iCalendar (RFC 5545): one all-day event per item, UID stable while it is owed, SEQUENCE "
                    + "the number of times its date moved. 404 once revoked or expired.")
    ResponseEntity<DueAnswer> feed(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{43}") String token) {
        Feeds.Feed feed = feeds.resolve(token)
                .orElseThrow(() -> RequestRefused.notFound("No such feed, or it was revoked or has expired."));
        Reflects reflects = freshness.now();
        return Answers.fresh(
                reflects,
                due.answer(
                        new ReadScope(false, feed.lcsa()),
                        feed.region(),
                        feed.days(),
                        reflects,
                        DueAnswer.fileNameOf(feed.lcsa(), feed.region())));
    }
}
