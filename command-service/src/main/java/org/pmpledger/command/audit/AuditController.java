package org.pmpledger.command.audit;

import jakarta.validation.constraints.Size;

import org.pmpledger.web.ApiProblems;
import org.pmpledger.web.Caller;
import org.pmpledger.web.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The event store read as the system of record (AUDITOR, STATE_ADMIN)")
class AuditController {

    private final ChainVerification verification;

    AuditController(ChainVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verification")
    @Operation(summary = "Integrity check of the event log (AUDITOR, STATE_ADMIN)",
            description = "Recomputes the hash chain of every stream (or of one plan) from the stored events: ok, or the "
                    + "first event whose hash or link does not match, with the reason and both hashes.")
    ResponseEntity<?> verification(@RequestParam(required = false) @Size(max = 64) String planId) {
        Caller caller = Caller.current();
        if (!caller.has(Role.AUDITOR) && !caller.has(Role.STATE_ADMIN)) {
            return ApiProblems.refuse(HttpStatus.FORBIDDEN, "auditors-only", "Only an AUDITOR or STATE_ADMIN reads the audit log.");
        }
        return ResponseEntity.ok(verification.verify(planId));
    }
}
