package org.pmpledger.query.agency;

import static org.pmpledger.query.jooq.Tables.AGENCY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import org.pmpledger.web.RequestRefused;

/**
 * The agencies expected to have a plan, their names and regions: reference data the migrations seed (table
 * {@code agency}), read once and kept, since only a migration changes it.
 */
@Component
public class Agencies {

    /** One agency as the reference data names it. */
    public record Agency(String code, String name, String region) {}

    private final DSLContext db;
    private volatile Map<String, Agency> byCode;

    Agencies(DSLContext db) {
        this.db = db;
    }

    /** Every agency, by code, in code order. */
    public List<Agency> all() {
        return List.copyOf(known().values());
    }

    public Optional<Agency> find(String code) {
        return Optional.ofNullable(known().get(code));
    }

    /** The region of an agency; null for a code the reference data does not know. */
    public String regionOf(String code) {
        Agency agency = known().get(code);
        return agency == null ? null : agency.region();
    }

    /** Refused (400, naming the field) unless the region is one the reference data knows; null passes. */
    public void requireKnownRegion(String field, String region) {
        if (region != null
                && known().values().stream().noneMatch(agency -> agency.region().equals(region))) {
            throw RequestRefused.invalid(
                    "region-of-the-reference-data",
                    "No agency belongs to a region " + region + ".",
                    field,
                    "must be a region of the reference data: " + String.join(", ", regions()));
        }
    }

    /** The regions agencies belong to, in name order. */
    public List<String> regions() {
        return known().values().stream().map(Agency::region).distinct().sorted().toList();
    }

    /** The codes of a region's agencies. */
    public List<String> inRegion(String region) {
        return known().values().stream()
                .filter(agency -> agency.region().equals(region))
                .map(Agency::code)
                .toList();
    }

    private Map<String, Agency> known() {
        Map<String, Agency> read = byCode;
        if (read == null) {
            read = db.selectFrom(AGENCY).orderBy(AGENCY.CODE).fetch().stream()
                    .map(row -> new Agency(row.getCode(), row.getName(), row.getRegion()))
                    .collect(Collectors.toMap(
                            Agency::code, Function.identity(), (first, second) -> first, LinkedHashMap::new));
            byCode = read;
        }
        return read;
    }
}
