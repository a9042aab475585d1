package org.pmpledger.query.print;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A printed format of a plan ({@code ?format=docx} or {@code ?format=pdf}): written only, from the plan's
 * {@link TemplateLayout}, as an attachment named after the plan. The whole file is made before the attachment is named,
 * so a failure is answered as a problem, not as half a file.
 */
abstract class PrintFiles extends AbstractHttpMessageConverter<PrintedPlan> {

    private final String extension;

    PrintFiles(MediaType mediaType, String extension) {
        super(mediaType);
        this.extension = extension;
    }

    /** The file's bytes: the blocks drawn in this format. */
    abstract byte[] print(PrintedPlan plan, List<Block> blocks) throws IOException;

    @Override
    protected final boolean supports(Class<?> type) {
        return PrintedPlan.class.isAssignableFrom(type);
    }

    @Override
    protected final boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected final PrintedPlan readInternal(Class<? extends PrintedPlan> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("A printed plan is an answer format only", input);
    }

    @Override
    protected final void writeInternal(PrintedPlan plan, HttpOutputMessage output) throws IOException {
        byte[] file = print(plan, TemplateLayout.of(plan));
        output.getHeaders()
                .setContentDisposition(ContentDisposition.attachment()
                        .filename(plan.fileName() + "." + extension, StandardCharsets.UTF_8)
                        .build());
        output.getHeaders().setContentLength(file.length);
        output.getBody().write(file);
    }
}
