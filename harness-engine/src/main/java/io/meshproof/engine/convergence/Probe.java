package io.meshproof.engine.convergence;

import java.util.function.Predicate;

/**
 * A request whose answer only the new mesh state can give, seen {@code consecutive} times in a row.
 *
 * @param description what the probe looks for, in words ("answers only from reviews v2")
 */
public record Probe(String description, Predicate<ProbeResponse> satisfiedBy, int consecutive) {}
