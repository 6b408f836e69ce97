package io.meshproof.scenario;

/** A local (per instance, server-side) rate limit; requests over it get 429. */
public record RateLimit(String service, int requestsPerSecond) {}
