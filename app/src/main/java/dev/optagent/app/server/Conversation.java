package dev.optagent.app.server;

import dev.optagent.formulation.Formulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One chat: the problem as stated so far and the current formulation, so a follow-up message changes the
 * model instead of starting over. One message is worked on at a time.
 */
final class Conversation {

    private final List<String> turns = new ArrayList<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private Formulation current;

    synchronized Formulation current() {
        return current;
    }

    synchronized void adopt(Formulation formulation) {
        current = formulation;
    }

    /** The problem text the agent judges repairs against: the first message plus every requested change. */
    synchronized String problem() {
        if (turns.isEmpty()) return "";
        StringBuilder text = new StringBuilder(turns.getFirst());
        for (int i = 1; i < turns.size(); i++) text.append("\n\nRequested change: ").append(turns.get(i));
        return text.toString();
    }

    synchronized void said(String message) {
        turns.add(message);
    }

    /** Picks up a stored conversation: its turns and model, as if they had been said here. */
    synchronized void resume(List<String> storedTurns, Formulation formulation) {
        turns.clear();
        if (storedTurns != null) storedTurns.stream().filter(t -> t != null && !t.isBlank()).forEach(turns::add);
        current = formulation;
    }

    synchronized void reset() {
        turns.clear();
        current = null;
    }

    boolean start() {
        return busy.compareAndSet(false, true);
    }

    void finish() {
        busy.set(false);
    }
}
