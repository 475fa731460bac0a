package org.chariot.emulator.inject;

/** Follows a campaign: its stages, and each trial as it ends. */
public interface CampaignProgress {

    void stage(String message);

    /** Trial {@code number} (1-based) of {@code of} is over. */
    void trial(int number, int of, TrialOutcome outcome);

    /** The mutant did not compile; it is left out of the figures. */
    void unbuilt(Mutation mutation, String why);
}
