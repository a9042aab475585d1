package org.pmpledger.web;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where a problem's {@code type} leads: {@code /problems/<rule>} is a page naming the rule, the status it is answered
 * with and how to change the request; {@code /problems} lists them all. Plain HTML under a Content-Security-Policy that
 * allows nothing to load or run; no token needed.
 */
@Configuration(proxyBeanMethods = false)
class ProblemTypePages {

    /** The pages (registered as a member class). */
    @RestController
    @Hidden
    static final class Pages {

        static final String PATH = "/problems";
        private static final String POLICY =
                "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        private static final ProblemCatalogue CATALOGUE = ProblemCatalogue.load();

        @GetMapping(path = PATH + "/{rule}", produces = MediaType.TEXT_HTML_VALUE)
        ResponseEntity<String> rule(@PathVariable String rule) {
            return CATALOGUE
                    .rule(rule)
                    .map(known -> page(
                            known.rule(),
                            "<p>Answered <strong>" + (known.status() + " " + reason(known.status())).trim()
                                    + "</strong>.</p>"
                                    + "<h2>How to change the request</h2><p>" + html(known.fix()) + "</p>"
                                    + "<p><a href=\"" + PATH + "\">Every rule</a></p>",
                            known.title()))
                    .orElseThrow(() ->
                            RequestRefused.notFound("No rule is named " + rule + ": GET " + PATH + " lists them all."));
        }

        @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
        ResponseEntity<String> index() {
            StringBuilder rows =
                    new StringBuilder("<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Status</th>"
                            + "<th scope=\"col\">What it says</th></tr></thead><tbody>");
            CATALOGUE
                    .all()
                    .values()
                    .forEach(rule -> rows.append("<tr><td><a href=\"")
                            .append(PATH)
                            .append('/')
                            .append(html(rule.rule()))
                            .append("\">")
                            .append(html(rule.rule()))
                            .append("</a></td><td>")
                            .append(rule.status())
                            .append("</td><td>")
                            .append(html(rule.title()))
                            .append("</td></tr>"));
            rows.append("</tbody></table>");
            return page("Refusals of the PMP Ledger API", rows.toString(), "Every rule a refusal names");
        }

        private static ResponseEntity<String> page(String heading, String body, String title) {
            String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                    + " — PMP Ledger</title></head><body><main><h1>" + html(title) + "</h1><p><code>" + html(heading)
                    + "</code></p>" + body + "</main></body></html>";
            return ResponseEntity.ok()
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", POLICY)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                    .body(html);
        }

        private static String reason(String status) {
            HttpStatus known = status.matches("\\d{3}") ? HttpStatus.resolve(Integer.parseInt(status)) : null;
            return known == null ? "" : known.getReasonPhrase();
        }

        private static String html(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }
}
