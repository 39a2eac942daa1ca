package dev.optagent.agent;

/**
 * Something that happened in a run, delivered to listeners as it happens (the web UI streams these).
 *
 * @param stage   "understand", "formulate", "check", "solve", "repair", "vote", "answer"
 * @param kind    "started" or "finished"
 * @param summary one line for people: "formulation has 2 errors", "OPTIMAL 153.675 (GLOP)"
 */
public record StageEvent(String stage, String kind, int attempt, int round, String summary) { }
