package io.meshproof.scenario;

/** How a bookinfo instance answers (the ratings behaviors of the fixture). */
public enum Behavior {
    healthy, unavailable, faulty, delayed
}
