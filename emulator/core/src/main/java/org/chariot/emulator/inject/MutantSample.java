package org.chariot.emulator.inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which mutants a campaign runs: the seed shuffles the mutants of each kind and the order of the
 * kinds, then takes one of each kind in turn, so that even a small campaign injects every kind of
 * fault the driver offers, and the same seed always gives the same mutants.
 */
final class MutantSample {

    private MutantSample() {
    }

    /** Up to {@code trials} of {@code candidates}, chosen by {@code seed}. */
    static List<Mutation> choose(List<Mutation> candidates, int trials, long seed) {
        Random random = new Random(seed);
        Map<MutationKind, List<Mutation>> byKind = new EnumMap<>(MutationKind.class);
        candidates.forEach(mutation -> byKind.computeIfAbsent(mutation.kind(), kind -> new ArrayList<>()).add(mutation));
        List<List<Mutation>> queues = new ArrayList<>(byKind.values());
        queues.forEach(queue -> Collections.shuffle(queue, random));
        Collections.shuffle(queues, random);
        List<Mutation> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < Math.min(trials, candidates.size()); round++) {
            for (List<Mutation> queue : queues) {
                if (round < queue.size() && chosen.size() < trials) {
                    chosen.add(queue.get(round));
                }
            }
        }
        return chosen;
    }
}
