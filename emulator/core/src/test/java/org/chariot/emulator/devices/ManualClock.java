package org.chariot.emulator.devices;

import java.util.ArrayList;
import java.util.List;

/** Guest time that moves only when a test says so; due alarms fire on {@link #advance}. */
public final class ManualClock implements AlarmClock {

    private record Pending(long deadline, Runnable action) {
    }

    private final List<Pending> alarms = new ArrayList<>();
    private long now;

    @Override
    public long frequency() {
        return 10_000_000;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public Alarm schedule(long deadline, Runnable action) {
        Pending pending = new Pending(deadline, action);
        alarms.add(pending);
        return () -> alarms.remove(pending);
    }

    public void advance(long ticks) {
        now += ticks;
        List<Pending> due = alarms.stream().filter(a -> a.deadline() <= now).toList();
        alarms.removeAll(due);
        due.forEach(a -> a.action().run());
    }
}
