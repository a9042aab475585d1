package org.pmpledger.query.freshness;

import org.springframework.http.ResponseEntity;

/** Answers that say how fresh they are, in the body and, for CSV readers, in headers. */
public final class Answers {

    private Answers() {}

    public static <T> ResponseEntity<T> fresh(Reflects reflects, T body) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .header("X-Reflects-Position", String.valueOf(reflects.position()))
                .header("X-Reflects-Parked", String.valueOf(reflects.parked()));
        if (reflects.appliedAt() != null) {
            answer.header("X-Reflects-Applied-At", reflects.appliedAt().toString());
        }
        return answer.body(body);
    }
}
