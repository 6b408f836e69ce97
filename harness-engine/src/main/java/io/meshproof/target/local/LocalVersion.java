package io.meshproof.target.local;

import io.meshproof.target.TargetException;

import java.util.EnumSet;
import java.util.Set;

/**
 * A "version" of the local data plane, as the upgrade gate names one: an HAProxy binary
 * ({@code haproxy} for the one on the PATH, or a path) with optional mutants, joined by {@code +}:
 * {@code haproxy}, {@code /opt/haproxy-2.8/sbin/haproxy}, {@code haproxy+split-skew}. Upgrading to a
 * mutant is how a regression is planted to prove that the gate catches it.
 *
 * @param binary null for the HAProxy on the PATH
 */
record LocalVersion(String binary, Set<Mutant> mutants) {

    static LocalVersion parse(String spec) throws TargetException {
        String[] parts = spec.strip().split("\\+");
        if (parts.length == 0 || parts[0].isBlank()) {
            throw new TargetException("'" + spec + "' is not a local data-plane version: write haproxy, a path to an HAProxy binary,"
                    + " and optionally +MUTANT, such as haproxy+split-skew");
        }
        Set<Mutant> mutants = EnumSet.noneOf(Mutant.class);
        for (int i = 1; i < parts.length; i++) {
            try {
                mutants.add(Mutant.parse(parts[i].strip()));
            } catch (IllegalArgumentException e) {
                throw new TargetException("in local version '" + spec + "': " + e.getMessage());
            }
        }
        return new LocalVersion(parts[0].equals("haproxy") ? null : parts[0], mutants);
    }
}
