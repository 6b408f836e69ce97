package io.meshproof.report;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a readable conformance report; the message names the file and what is wrong. */
public class InvalidReportException extends IOException {

    public InvalidReportException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
