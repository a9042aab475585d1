package org.pmpledger.query.rebuild;

import org.pmpledger.web.ApiProblems;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/admin/rebuild")
@Tag(name = "Operations", description = "Rebuild every projection from the start of the topic while serving")
class RebuildController {

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Start a rebuild (STATE_ADMIN)",
            description = "Folds the whole topic into fresh tables while the live ones keep serving, then switches in one "
                    + "transaction. 202 with the status; a second call while one runs answers that one.")
    ResponseEntity<?> start() {
        if (!Caller.current().has(Role.STATE_ADMIN)) {
            return ApiProblems.refuse(HttpStatus.FORBIDDEN, "state-admin-rebuilds", "Only a STATE_ADMIN starts a rebuild.");
        }
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping
    @Operation(summary = "The latest rebuild's progress (STATE_ADMIN, ANALYST)",
            description = "state, events applied, events per second, lag per partition.")
    ResponseEntity<?> status() {
        Caller caller = Caller.current();
        if (!caller.has(Role.STATE_ADMIN) && !caller.has(Role.ANALYST)) {
            return ApiProblems.refuse(HttpStatus.FORBIDDEN, "state-admin-or-analyst", "Only a STATE_ADMIN or ANALYST sees rebuilds.");
        }
        return rebuild.status().<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ApiProblems.refuse(HttpStatus.NOT_FOUND, "not-found", "No rebuild has run since the service started."));
    }
}
