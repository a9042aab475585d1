package org.pmpledger.query.due;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import org.pmpledger.query.files.AnswerFiles;

/**
 * What is due as an iCalendar file (RFC 5545) a calendar app subscribes to: one all-day event per item, its UID stable
 * while the item is owed and its SEQUENCE the number of times its date moved; text escaped and lines folded at 75
 * octets as the RFC asks.
 */
@Component
class CalendarFiles extends AnswerFiles<DueAnswer> {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int LINE_OCTETS = 75;
    private static final List<String> PACIFIC = List.of(
            "BEGIN:VTIMEZONE",
            "TZID:America/Los_Angeles",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:-0800",
            "TZOFFSETTO:-0700",
            "TZNAME:PDT",
            "DTSTART:19700308T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:-0700",
            "TZOFFSETTO:-0800",
            "TZNAME:PST",
            "DTSTART:19701101T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
            "END:STANDARD",
            "END:VTIMEZONE");

    private final Clock clock;

    CalendarFiles(Clock clock) {
        super(DueAnswer.class, TEXT_CALENDAR);
        this.clock = clock;
    }

    @Override
    protected void writeInternal(DueAnswer due, HttpOutputMessage output) throws IOException {
        StringBuilder calendar = new StringBuilder();
        String stamp = STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
        line(calendar, "BEGIN:VCALENDAR");
        line(calendar, "VERSION:2.0");
        line(calendar, "PRODID:-//PMP Ledger//What is due//EN");
        line(calendar, "CALSCALE:GREGORIAN");
        line(calendar, "METHOD:PUBLISH");
        line(calendar, "X-WR-CALNAME:" + text("PMP Ledger: what is due"));
        line(calendar, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        line(calendar, "X-PUBLISHED-TTL:PT1H");
        // a calendar holds at least one component (RFC 5545, 3.6), also when nothing is due: California's time zone,
        // whose dates the due dates are
        for (String timeZone : PACIFIC) {
            line(calendar, timeZone);
        }
        for (DueItem item : due.items()) {
            line(calendar, "BEGIN:VEVENT");
            line(calendar, "UID:" + text(item.uid()));
            line(calendar, "DTSTAMP:" + stamp);
            line(calendar, "DTSTART;VALUE=DATE:" + DATE.format(item.dueDate()));
            line(calendar, "DTEND;VALUE=DATE:" + DATE.format(item.dueDate().plusDays(1)));
            line(calendar, "SEQUENCE:" + item.sequence());
            line(calendar, "SUMMARY:" + text((item.overdue() ? "OVERDUE: " : "") + item.title()));
            line(calendar, "DESCRIPTION:" + text(description(item)));
            line(calendar, "CATEGORIES:" + text(item.kind().name()));
            line(calendar, "STATUS:CONFIRMED");
            line(calendar, "TRANSP:TRANSPARENT");
            line(calendar, "END:VEVENT");
        }
        line(calendar, "END:VCALENDAR");
        write(output, false, due.fileName() + ".ics", calendar.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String description(DueItem item) {
        StringBuilder text =
                new StringBuilder(item.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT));
        text.append(" due ").append(item.dueDate());
        if (item.overdue()) {
            text.append(", ").append(item.daysOverdue()).append(" days overdue");
        }
        text.append("\nFFY ").append(item.ffy()).append(", ").append(item.lcsa());
        if (item.region() != null) {
            text.append(" (").append(item.region()).append(" region)");
        }
        if (item.planId() != null) {
            text.append("\nplan ").append(item.planId());
        }
        return text.toString();
    }

    /** TEXT as RFC 5545 writes it: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** A content line ended by CRLF, folded into lines of at most 75 octets, never inside a UTF-8 character. */
    static void line(StringBuilder calendar, String content) {
        int octets = 0;
        int limit = LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int point = content.codePointAt(i);
            int size = new String(Character.toChars(point)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                calendar.append("\r\n ");
                octets = 0;
                limit = LINE_OCTETS - 1;
            }
            calendar.appendCodePoint(point);
            octets += size;
            i += Character.charCount(point);
        }
        calendar.append("\r\n");
    }
}
