package org.pmpledger.command.agency;

import java.util.Optional;

/** The LCSAs the system knows and the DCSS region each belongs to (reference data, not code). */
public interface Agencies {

    /** The region of a known agency; empty for an unknown code. */
    Optional<String> regionOf(String lcsa);

    default boolean knows(String lcsa) {
        return regionOf(lcsa).isPresent();
    }
}
