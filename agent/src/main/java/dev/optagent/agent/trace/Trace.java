package dev.optagent.agent.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The ordered stage records of one agent run. Thread-safe to append (self-consistency samples run concurrently). */
public final class Trace {

    private final List<StageRecord> records = Collections.synchronizedList(new ArrayList<>());

    public void add(StageRecord record) {
        records.add(record);
    }

    public List<StageRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }
}
