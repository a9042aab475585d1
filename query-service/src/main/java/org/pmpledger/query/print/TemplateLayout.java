package org.pmpledger.query.print;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.pmpledger.document.PlanDocument;
import org.pmpledger.document.PlanDocument.Entry;
import org.pmpledger.document.PlanDocument.QuarterlyUpdate;
import org.pmpledger.document.PlanDocument.Tactic;
import org.pmpledger.events.plan.Quarter;
import org.pmpledger.query.freshness.Today;
import org.pmpledger.query.print.Block.Field;
import org.pmpledger.query.print.Block.Fields;
import org.pmpledger.query.print.Block.Grid;
import org.pmpledger.query.print.Block.Heading;
import org.pmpledger.query.print.Block.Text;
import org.pmpledger.query.print.Block.Title;

/**
 * A plan laid out as its cycle's DCSS template: the FFY 2017 form (per goal: objective, strategy, tactics with their
 * completion dates, the performance measurement with baseline, target and the four progress reports) or the FFY
 * 2021/2022 form (per entry: goal, objective, key initiative, measurement with baseline and target, each quarterly
 * update with its due date, tactics with leads); both headed by the agency's name, the plan's status, approval and
 * version, and followed by its requests for state assistance and its review history. A pure function of the plan.
 */
final class TemplateLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM/dd/yy", Locale.US);
    private static final Map<Quarter, String> MONTHS =
            Map.of(Quarter.Q1, "Oct-Dec", Quarter.Q2, "Jan-Mar", Quarter.Q3, "Apr-Jun", Quarter.Q4, "Jul-Sep");
    private static final List<String> ORDINALS = List.of("1st", "2nd", "3rd", "4th");

    private TemplateLayout() {}

    static List<Block> of(PrintedPlan printed) {
        PlanDocument plan = printed.plan();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Title(List.of(
                "DEPARTMENT OF CHILD SUPPORT SERVICES",
                "PERFORMANCE MANAGEMENT PLAN",
                period(plan.ffy(), printed.keyInitiativeForm()))));
        blocks.add(new Fields(planFacts(printed)));
        for (Entry entry : plan.entries()) {
            if (printed.keyInitiativeForm()) {
                keyInitiativeEntry(blocks, plan.ffy(), entry, printed.quarterDues());
            } else {
                goalEntry(blocks, plan.ffy(), entry);
            }
        }
        if (!plan.assistanceRequests().isEmpty()) {
            blocks.add(new Heading("Requests for state assistance"));
            blocks.add(new Grid(
                    List.of("Need", "From", "Needed by", "Status", "Steps and comments"),
                    plan.assistanceRequests().stream()
                            .map(r -> List.of(
                                    r.need(),
                                    r.from(),
                                    date(r.neededBy()),
                                    r.status(),
                                    r.notes().stream()
                                            .map(n -> n.kind() + " " + date(n.at()) + " " + n.by()
                                                    + (n.text() == null ? "" : ": " + n.text()))
                                            .collect(Collectors.joining("\n"))))
                            .toList()));
        }
        if (!plan.reviews().isEmpty()) {
            blocks.add(new Heading("Review history"));
            blocks.add(new Grid(
                    List.of("Review", "By", "Region", "Date", "Comments"),
                    plan.reviews().stream()
                            .map(r -> List.of(r.kind(), r.author(), text(r.region()), date(r.at()), text(r.comment())))
                            .toList()));
        }
        return blocks;
    }

    /** The form's period line: "FFY 2021/2022 (10/01/21 – 09/30/22)" or, for the FFY 2017 form, "FFY 10/01/16 – 09/30/17". */
    private static String period(int ffy, boolean keyInitiativeForm) {
        String from = SHORT.format(Quarter.Q1.firstDay(ffy));
        String to = SHORT.format(LocalDate.of(ffy, 9, 30));
        return keyInitiativeForm
                ? "FFY " + (ffy - 1) + "/" + ffy + " (" + from + " – " + to + ")"
                : "FFY " + from + " – " + to;
    }

    private static List<Field> planFacts(PrintedPlan printed) {
        PlanDocument plan = printed.plan();
        List<Field> facts = new ArrayList<>();
        facts.add(new Field("LCSA", printed.agencyName() + " (" + plan.lcsa() + ")"));
        facts.add(new Field("Plan", text(plan.title())));
        facts.add(new Field("Status", plan.status()));
        facts.add(new Field("Version", plan.version() + " (ledger position " + plan.position() + ")"));
        if (plan.submittedAt() != null) {
            facts.add(new Field(
                    "Submitted",
                    date(plan.submittedAt())
                            + (Boolean.TRUE.equals(plan.late())
                                    ? " (" + plan.daysLate() + " days late; due " + date(plan.dueDate()) + ")"
                                    : "")));
        }
        if (plan.approvedAt() != null) {
            facts.add(new Field("Approved", date(plan.approvedAt())));
        }
        if (plan.amendments() > 0) {
            facts.add(new Field("Amendments", plan.amendments() + ", the last on " + date(plan.lastAmendedAt())));
        }
        if (plan.closedAt() != null) {
            facts.add(new Field("Final results", "submitted " + date(plan.closedAt())));
        }
        return facts;
    }

    /** The FFY 2021/2022 form's block of one entry. */
    private static void keyInitiativeEntry(List<Block> blocks, int ffy, Entry entry, Map<String, LocalDate> dues) {
        List<Field> heading = new ArrayList<>();
        heading.add(new Field("Goal", titled(entry.goal())));
        heading.add(new Field(
                "Objective", entry.objective() == null ? text(entry.objectiveText()) : titled(entry.objective())));
        if (entry.initiative() != null) {
            heading.add(new Field("Key initiative", titled(entry.initiative())));
        }
        if (entry.strategy() != null) {
            heading.add(new Field("Strategy", entry.strategy()));
        }
        blocks.add(new Fields(heading));
        var measurement = entry.measurement();
        blocks.add(new Grid(
                List.of("MEASUREMENT", "BASELINE", "FFY " + ffy + " TARGET"),
                List.of(List.of(measure(measurement), number(measurement.baseline()), number(measurement.target())))));
        List<List<String>> updates = new ArrayList<>();
        for (Quarter quarter : Quarter.values()) {
            QuarterlyUpdate update = updateOf(entry, quarter);
            LocalDate due = dues.get(quarter.name());
            updates.add(List.of(
                    MONTHS.get(quarter) + " Quarterly Update",
                    due == null ? "" : date(due),
                    update == null ? "" : value(update),
                    update == null ? "" : text(update.narrative())));
        }
        blocks.add(new Grid(List.of("QUARTERLY UPDATE", "DUE", "VALUE", "NARRATIVE"), updates));
        blocks.add(new Grid(
                List.of(
                        "Initiative/Tactic(s)",
                        "Lead(s)",
                        "Description/Implementation Strategy",
                        "Status",
                        "Projected",
                        "Actual"),
                entry.tactics().stream()
                        .map(t -> List.of(
                                (t.initiative() == null ? "" : t.initiative() + " ") + t.title(),
                                String.join(", ", t.leads()),
                                text(t.description()),
                                status(t),
                                date(t.projectedCompletion()),
                                date(t.actualCompletion())))
                        .toList()));
    }

    /** The FFY 2017 form's block of one entry: a goal's objective, strategy, tactics and measurement. */
    private static void goalEntry(List<Block> blocks, int ffy, Entry entry) {
        blocks.add(new Heading("GOAL " + entry.goal().code() + ":  "
                + text(entry.goal().title()).toUpperCase(Locale.US)));
        blocks.add(new Fields(List.of(
                new Field(
                        "Objective",
                        entry.objective() == null ? text(entry.objectiveText()) : titled(entry.objective())),
                new Field("Strategy", text(entry.strategy())))));
        blocks.add(new Grid(
                List.of("Tactic(s)", "Implementation Strategy / Comments / Status", "Projected", "Actual"),
                entry.tactics().stream()
                        .map(t -> List.of(
                                t.title() + (t.leads().isEmpty() ? "" : "\nLead(s): " + String.join(", ", t.leads())),
                                (t.description() == null ? "" : t.description() + "\n") + status(t),
                                date(t.projectedCompletion()),
                                date(t.actualCompletion())))
                        .toList()));
        var measurement = entry.measurement();
        blocks.add(new Text("Performance Measurement (e.g., Practice Indicator)"));
        blocks.add(new Fields(List.of(
                new Field("Baseline FFY " + ffy, number(measurement.baseline())),
                new Field("Target", number(measurement.target())))));
        List<String> reports = new ArrayList<>(List.of(measure(measurement)));
        for (Quarter quarter : Quarter.values()) {
            QuarterlyUpdate update = updateOf(entry, quarter);
            reports.add(
                    update == null
                            ? ""
                            : value(update) + (update.narrative() == null ? "" : "\n" + update.narrative()));
        }
        List<String> header = new ArrayList<>(List.of("PI # Title"));
        ORDINALS.forEach(ordinal -> header.add(ordinal + " Quarter"));
        blocks.add(new Text("Progress Reports"));
        blocks.add(new Grid(header, List.of(reports)));
    }

    private static QuarterlyUpdate updateOf(Entry entry, Quarter quarter) {
        return entry.quarterlyUpdates().stream()
                .filter(u -> u.quarter().equals(quarter.name()))
                .findFirst()
                .orElse(null);
    }

    /** A quarter's value, marked when corrected or first recorded late. */
    private static String value(QuarterlyUpdate update) {
        String value = number(update.value());
        if (update.corrections() > 0) {
            value += " (corrected)";
        }
        if (update.late()) {
            value += " (late " + update.daysLate() + " days)";
        }
        return value;
    }

    private static String status(Tactic tactic) {
        return tactic.withdrawn() ? "WITHDRAWN: " + text(tactic.withdrawalReason()) : tactic.status();
    }

    private static String measure(PlanDocument.Measurement measurement) {
        return (measurement.indicator() == null ? "" : measurement.indicator() + " ")
                + measurement.title()
                + (measurement.unit() == null ? "" : " (" + measurement.unit() + ")");
    }

    private static String titled(PlanDocument.Titled titled) {
        return titled.code() + (titled.title() == null ? "" : " " + titled.title());
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String date(Instant instant) {
        return instant == null ? "" : DATE.format(LocalDate.ofInstant(instant, Today.CALIFORNIA));
    }
}
