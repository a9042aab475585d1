package org.pmpledger.query.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A file format some answers come in (a table as CSV, a plan as PDF, what is due as a calendar): written only, never
 * read from a request, and named with {@link #name} (attachment or inline) just before the body is written, once the
 * file is made, so that a failure before is answered as a problem, not as half a file.
 *
 * @param <T> the answers this format writes
 */
public abstract class AnswerFiles<T> extends AbstractHttpMessageConverter<T> {

    private final Class<T> answers;

    protected AnswerFiles(Class<T> answers, MediaType mediaType) {
        super(mediaType);
        this.answers = answers;
    }

    /** Names the answer's body: {@code attachment} (or {@code inline}) with {@code filename}. */
    protected static void name(HttpOutputMessage output, boolean attachment, String filename) {
        output.getHeaders()
                .setContentDisposition((attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                        .filename(filename, StandardCharsets.UTF_8)
                        .build());
    }

    /** Writes a file made whole: named, its length given, then its bytes. */
    protected static void write(HttpOutputMessage output, boolean attachment, String filename, byte[] file)
            throws IOException {
        name(output, attachment, filename);
        output.getHeaders().setContentLength(file.length);
        output.getBody().write(file);
    }

    @Override
    protected final boolean supports(Class<?> type) {
        return answers.isAssignableFrom(type);
    }

    @Override
    protected final boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected final T readInternal(Class<? extends T> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("A file of an answer is an answer format only", input);
    }
}
