package org.pmpledger.query.print;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text flowing down US Letter pages with one-inch margins: lines wrapped at word boundaries to the page's width, tables
 * with ruled cells whose header row repeats on a new page, a new page whenever the next line or row does not fit. The
 * standard Helvetica fonts need no file on the machine; a character they cannot encode prints as '?'.
 */
final class PdfPages implements AutoCloseable {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private static final float MARGIN = 54;
    private static final float LEADING = 1.25f;
    private static final float PADDING = 3;
    /** The lines of a row kept on one page with its beginning. */
    private static final int KEPT_TOGETHER = 3;

    private final PDDocument document;
    private final Map<PDType1Font, Map<Integer, Boolean>> encodable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PdfPages(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    private float width() {
        return PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.LETTER.getHeight() - MARGIN;
    }

    /** Makes room for {@code height} points, on a new page if this one has less left. */
    private void room(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    void centred(String text, PDType1Font font, float size) throws IOException {
        for (String line : wrap(text, font, size, width())) {
            room(size * LEADING);
            y -= size * LEADING;
            float lineWidth = font.getStringWidth(line) / 1000 * size;
            show(line, font, size, MARGIN + (width() - lineWidth) / 2, y);
        }
    }

    void paragraph(String text, PDType1Font font, float size) throws IOException {
        for (String line : wrap(text, font, size, width())) {
            room(size * LEADING);
            y -= size * LEADING;
            show(line, font, size, MARGIN, y);
        }
    }

    /** A bold label, then the value wrapped in the width that is left beside it. */
    void labelled(String label, String value, float size) throws IOException {
        float indent = Math.min(BOLD.getStringWidth(printable(label, BOLD)) / 1000 * size, width() / 3);
        List<String> lines = wrap(value, REGULAR, size, width() - indent);
        for (int i = 0; i < lines.size(); i++) {
            room(size * LEADING);
            y -= size * LEADING;
            if (i == 0) {
                show(label, BOLD, size, MARGIN, y);
            }
            show(lines.get(i), REGULAR, size, MARGIN + indent, y);
        }
    }

    /**
     * A ruled table; columns get widths by how much text they hold. A row that does not fit on the page goes on the
     * next (one taller than a page is split across pages), and the header row is drawn again at the top of each.
     */
    void grid(List<String> header, List<List<String>> rows, float size) throws IOException {
        float[] widths = columnWidths(header, rows);
        List<List<String>> headerLines = wrapped(header, widths, BOLD, size);
        row(headerLines, widths, BOLD, size, null);
        for (List<String> row : rows) {
            row(wrapped(row, widths, REGULAR, size), widths, REGULAR, size, headerLines);
        }
    }

    private List<List<String>> wrapped(List<String> cells, float[] widths, PDType1Font font, float size)
            throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            lines.add(new ArrayList<>(wrap(cells.get(c), font, size, widths[c] - 2 * PADDING)));
        }
        return lines;
    }

    /**
     * Draws a row's lines, as many as fit on each page; a row begins on a new page when fewer than its first lines (up
     * to {@link #KEPT_TOGETHER}) fit, and each new page begins with {@code header} (none for the header itself).
     */
    private void row(List<List<String>> lines, float[] widths, PDType1Font font, float size, List<List<String>> header)
            throws IOException {
        float lineHeight = size * LEADING;
        while (true) {
            int most = Math.max(1, lines.stream().mapToInt(List::size).max().orElse(1));
            int fit = (int) ((y - MARGIN - 2 * PADDING) / lineHeight);
            if (fit < Math.min(most, KEPT_TOGETHER)) {
                newPage();
                if (header != null) {
                    row(copy(header), widths, BOLD, size, null);
                }
                continue;
            }
            int take = Math.min(most, fit);
            drawLines(lines, widths, take, font, size);
            if (take == most) {
                return;
            }
            newPage();
            if (header != null) {
                row(copy(header), widths, BOLD, size, null);
            }
        }
    }

    /** Draws the first {@code count} lines of each cell in ruled cells, and takes them off. */
    private void drawLines(List<List<String>> lines, float[] widths, int count, PDType1Font font, float size)
            throws IOException {
        float lineHeight = size * LEADING;
        float height = count * lineHeight + 2 * PADDING;
        float x = MARGIN;
        content.setLineWidth(0.5f);
        for (int c = 0; c < lines.size(); c++) {
            content.addRect(x, y - height, widths[c], height);
            List<String> cell = lines.get(c);
            float lineY = y - PADDING;
            for (int l = 0; l < count && !cell.isEmpty(); l++) {
                lineY -= lineHeight;
                show(cell.removeFirst(), font, size, x + PADDING, lineY + size * (LEADING - 1));
            }
            x += widths[c];
        }
        content.stroke();
        y -= height;
    }

    private static List<List<String>> copy(List<List<String>> lines) {
        return lines.stream().map(cell -> (List<String>) new ArrayList<>(cell)).toList();
    }

    private float[] columnWidths(List<String> header, List<List<String>> rows) {
        float[] weights = new float[header.size()];
        float total = 0;
        for (int c = 0; c < header.size(); c++) {
            int longest = Math.min(header.get(c).length(), 14);
            for (List<String> row : rows) {
                longest = Math.max(longest, Math.min(row.get(c).length(), 60));
            }
            weights[c] = Math.max(8, longest);
            total += weights[c];
        }
        for (int c = 0; c < weights.length; c++) {
            weights[c] = weights[c] / total * width();
        }
        return weights;
    }

    private void show(String text, PDType1Font font, float size, float x, float atY) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, atY);
        content.showText(text);
        content.endText();
    }

    /** The text's lines: its own line breaks kept, each wrapped at spaces (a word longer than the width is cut). */
    private List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text, font).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (widthOf(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (widthOf(rest, font, size) > width && rest.length() > 1) {
                    int fits = prefixFitting(rest, font, size, width);
                    lines.add(rest.substring(0, fits));
                    rest = rest.substring(fits);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many characters of the word fit in the width, adding glyph widths once each (at least one). */
    private static int prefixFitting(String word, PDType1Font font, float size, float width) throws IOException {
        float used = 0;
        int fits = 0;
        while (fits < word.length()) {
            int point = word.codePointAt(fits);
            float glyph = widthOf(new String(Character.toChars(point)), font, size);
            if (used + glyph > width && fits > 0) {
                break;
            }
            used += glyph;
            fits += Character.charCount(point);
        }
        return fits;
    }

    private static float widthOf(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with tabs as spaces and every character the font cannot encode as '?'. */
    private String printable(String text, PDType1Font font) {
        Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (point == '\n') {
                printable.append('\n');
                return;
            }
            if (point == '\t' || point == '\r') {
                printable.append(' ');
                return;
            }
            boolean ok = known.computeIfAbsent(point, p -> {
                try {
                    font.encode(new String(Character.toChars(p)));
                    return true;
                } catch (IOException | IllegalArgumentException unencodable) {
                    return false;
                }
            });
            printable.append(ok ? new String(Character.toChars(point)) : "?");
        });
        return printable.toString();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
