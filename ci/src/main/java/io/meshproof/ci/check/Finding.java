package io.meshproof.ci.check;

/** One thing wrong with a workflow: the file, where in it, and what is wrong (with how to fix it). */
public record Finding(String file, String where, String problem) {

    @Override
    public String toString() {
        return file + ": " + where + ": " + problem;
    }
}
