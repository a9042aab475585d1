package org.pmpledger.query.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import org.pmpledger.query.print.Block.Field;
import org.pmpledger.query.print.Block.Fields;
import org.pmpledger.query.print.Block.Grid;
import org.pmpledger.query.print.Block.Heading;
import org.pmpledger.query.print.Block.Text;
import org.pmpledger.query.print.Block.Title;

/** Prints a plan as a PDF (Apache PDFBox) on US Letter pages: what {@link PdfPages} draws, block by block. */
@Configuration(proxyBeanMethods = false)
class PdfPlans {

    @Bean
    PrintFiles pdfConverter() {
        return new PrintFiles(MediaType.APPLICATION_PDF, "pdf") {
            @Override
            byte[] print(PrintedPlan plan, List<Block> blocks) throws IOException {
                try (PDDocument document = new PDDocument();
                        ByteArrayOutputStream file = new ByteArrayOutputStream()) {
                    document.getDocumentInformation().setTitle(plan.fileName());
                    document.getDocumentInformation().setSubject("Performance Management Plan");
                    try (PdfPages pages = new PdfPages(document)) {
                        for (Block block : blocks) {
                            draw(pages, block);
                        }
                    }
                    document.save(file);
                    return file.toByteArray();
                }
            }
        };
    }

    private static void draw(PdfPages pages, Block block) throws IOException {
        switch (block) {
            case Title title -> {
                for (String line : title.lines()) {
                    pages.centred(line, PdfPages.BOLD, 13);
                }
                pages.space(8);
            }
            case Heading heading -> {
                pages.space(8);
                pages.paragraph(heading.text(), PdfPages.BOLD, 11);
            }
            case Fields fields -> {
                for (Field field : fields.fields()) {
                    pages.labelled(field.label() + ":  ", field.value(), 10);
                }
                pages.space(4);
            }
            case Grid grid -> {
                pages.grid(grid.header(), grid.rows(), 8.5f);
                pages.space(6);
            }
            case Text text -> pages.paragraph(text.text(), PdfPages.REGULAR, 10);
        }
    }
}
