package org.pmpledger.query.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import org.pmpledger.query.print.Block.Field;
import org.pmpledger.query.print.Block.Fields;
import org.pmpledger.query.print.Block.Grid;
import org.pmpledger.query.print.Block.Heading;
import org.pmpledger.query.print.Block.Text;
import org.pmpledger.query.print.Block.Title;

/**
 * Prints a plan as a Word document (Apache POI): the form's title centred, headings and labels bold, every table a
 * Word table with a bold header row that repeats on each page, across the page's width.
 */
@Configuration(proxyBeanMethods = false)
class DocxPlans {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Bean
    PrintFiles docxConverter() {
        return new PrintFiles(MediaType.parseMediaType(DOCX), "docx") {
            @Override
            byte[] print(PrintedPlan plan, List<Block> blocks) throws IOException {
                try (XWPFDocument document = new XWPFDocument();
                        ByteArrayOutputStream file = new ByteArrayOutputStream()) {
                    document.getProperties().getCoreProperties().setTitle(plan.fileName());
                    for (Block block : blocks) {
                        draw(document, block);
                    }
                    document.write(file);
                    return file.toByteArray();
                }
            }
        };
    }

    private static void draw(XWPFDocument document, Block block) {
        switch (block) {
            case Title title -> {
                for (String line : title.lines()) {
                    XWPFParagraph paragraph = document.createParagraph();
                    paragraph.setAlignment(ParagraphAlignment.CENTER);
                    run(paragraph, line, true, 13);
                }
            }
            case Heading heading -> {
                XWPFParagraph paragraph = document.createParagraph();
                paragraph.setSpacingBefore(240);
                run(paragraph, heading.text(), true, 12);
            }
            case Fields fields -> {
                for (Field field : fields.fields()) {
                    XWPFParagraph paragraph = document.createParagraph();
                    paragraph.setSpacingAfter(0);
                    run(paragraph, field.label() + ":  ", true, 10);
                    run(paragraph, field.value(), false, 10);
                }
            }
            case Grid grid -> table(document, grid);
            case Text text -> run(document.createParagraph(), text.text(), false, 10);
        }
    }

    private static void table(XWPFDocument document, Grid grid) {
        XWPFTable table =
                document.createTable(1 + grid.rows().size(), grid.header().size());
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < grid.header().size(); c++) {
            cell(header.getCell(c), grid.header().get(c), true);
        }
        for (int r = 0; r < grid.rows().size(); r++) {
            List<String> row = grid.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                cell(table.getRow(r + 1).getCell(c), row.get(c), false);
            }
        }
        document.createParagraph().setSpacingAfter(0);
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().getFirst();
        paragraph.setSpacingAfter(0);
        run(paragraph, text, bold, 9);
        if (bold) {
            cell.setColor("E7E6E6");
        }
    }

    /** A run of text; its line breaks are Word line breaks. */
    private static void run(XWPFParagraph paragraph, String text, boolean bold, int points) {
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        run.setFontSize(points);
        run.setFontFamily("Arial");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }
}
