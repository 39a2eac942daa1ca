package dev.optagent.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * Where accepted jobs live across restarts: one JSON record per job, replaced whole at each change of state
 * (accepted, running, finished). The embedded default is {@link FileJobStore}; a database-backed store can
 * take its place behind this interface.
 */
public interface JobStore {

    /** Replaces the job's record durably; returns only once it would survive a crash. */
    void save(String id, ObjectNode record);

    Optional<ObjectNode> load(String id);

    /** Every stored record, in no particular order. */
    List<ObjectNode> all();
}
