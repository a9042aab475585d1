package org.pmpledger.query.rebuild;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.pmpledger.web.PathRoles;
import org.pmpledger.web.PathRoles.Rule;
import org.pmpledger.web.RequestRefused;
import org.pmpledger.web.Role;

@RestController
@RequestMapping(RebuildController.PATH)
@Tag(name = "Operations", description = "Rebuild every projection from the start of the topic while serving")
class RebuildController {

    /** Who starts a rebuild and who sees its progress, declared once. */
    @Bean
    static PathRoles rebuildRoles() {
        return new PathRoles(List.of(
                new Rule(
                        HttpMethod.POST,
                        RebuildController.PATH,
                        Set.of(Role.STATE_ADMIN),
                        "state-admin-rebuilds",
                        "Only a STATE_ADMIN starts a rebuild."),
                new Rule(
                        HttpMethod.GET,
                        RebuildController.PATH,
                        Set.of(Role.STATE_ADMIN, Role.ANALYST),
                        "state-admin-or-analyst",
                        "Only a STATE_ADMIN or ANALYST sees rebuilds.")));
    }

    static final String PATH = "/api/v1/admin/rebuild";

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(
            summary = "Start a rebuild (STATE_ADMIN)",
            description =
                    "Folds the whole topic into fresh tables while the live ones keep serving, then switches in one "
                            + "transaction. 202 with the status; a second call while one runs answers that one.")
    ResponseEntity<RebuildStatus> start() {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping
    @Operation(
            summary = "The latest rebuild's progress (STATE_ADMIN, ANALYST)",
            description = "state, events applied, events per second, lag per partition.")
    ResponseEntity<RebuildStatus> status() {
        return rebuild.status()
                .map(ResponseEntity::ok)
                .orElseThrow(() -> RequestRefused.notFound("No rebuild has run since the service started."));
    }
}
