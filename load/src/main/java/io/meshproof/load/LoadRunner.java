package io.meshproof.load;

/** Drives the load of a plan and returns one record per request. */
public interface LoadRunner {

    LoadResult run(LoadPlan plan, LoadProgress progress) throws LoadException;
}
