package io.meshproof.engine.descriptor;

import io.meshproof.oracle.Verdict;
import org.opentest4j.AssertionFailedError;

/** A check that failed: the verdict's message and evidence, without a stack trace (the YAML line is the source). */
final class CheckFailedError extends AssertionFailedError {

    CheckFailedError(Verdict verdict) {
        super(verdict.message() + "\n    evidence: " + verdict.evidence(), verdict.expected(), verdict.observed());
    }

    CheckFailedError(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
