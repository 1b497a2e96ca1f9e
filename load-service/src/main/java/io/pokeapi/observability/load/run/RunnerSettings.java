package io.pokeapi.observability.load.run;

import java.time.Duration;

/**
 * How runs are coordinated and kept.
 *
 * @param replica this replica's id
 * @param joinTimeout how long an accepting replica waits for others to join
 * @param startDelay the common start is this far after the start message (time to deliver it)
 * @param resultTimeout how long it waits for the others' results after its own share ended
 * @param recentRuns how many ended runs are kept
 */
public record RunnerSettings(
    String replica,
    Duration joinTimeout,
    Duration startDelay,
    Duration resultTimeout,
    int recentRuns) {}
