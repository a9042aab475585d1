package org.pmpledger.query.print;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;

import org.pmpledger.query.files.AnswerFiles;

/**
 * A printed format of a plan ({@code ?format=docx} or {@code ?format=pdf}), drawn from the plan's
 * {@link TemplateLayout}: an attachment named after the plan and its version, written once made whole.
 */
abstract class PrintFiles extends AnswerFiles<PrintedPlan> {

    private final String extension;

    PrintFiles(MediaType mediaType, String extension) {
        super(PrintedPlan.class, mediaType);
        this.extension = extension;
    }

    /** The file's bytes: the blocks drawn in this format. */
    abstract byte[] print(PrintedPlan plan, List<Block> blocks) throws IOException;

    @Override
    protected final void writeInternal(PrintedPlan plan, HttpOutputMessage output) throws IOException {
        write(output, true, plan.fileName() + "." + extension, print(plan, TemplateLayout.of(plan)));
    }
}
