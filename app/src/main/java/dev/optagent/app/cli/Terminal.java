package dev.optagent.app.cli;

import java.io.Console;

/** Whether output goes to a person at a terminal (progress bar) or to a log or pipe (plain lines). */
final class Terminal {

    private Terminal() {
    }

    static boolean interactive() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) return false;
        try {
            // Java 22+: a console exists even when redirected; isTerminal() tells. Before 22, non-null means a terminal.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
