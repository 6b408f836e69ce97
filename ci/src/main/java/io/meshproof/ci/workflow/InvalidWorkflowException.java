package io.meshproof.ci.workflow;

/** A workflow file that cannot be read as one; the message names the file (and line) and what is wrong. */
public class InvalidWorkflowException extends RuntimeException {

    public InvalidWorkflowException(String message) {
        super(message);
    }
}
