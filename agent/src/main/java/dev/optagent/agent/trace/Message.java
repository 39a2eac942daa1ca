package dev.optagent.agent.trace;

/** One chat message exactly as sent or received. */
public record Message(String role, String text) { }
