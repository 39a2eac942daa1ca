package dev.optagent.solvers;

import java.util.Locale;

/** Which engine solves a model. AUTO routes by problem class (see {@link Routing}). */
public enum Backend {
    AUTO, SCIP, HIGHS, CBC, GLOP, PDLP, CP_SAT, NLP;

    public static Backend parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (key.equals("CPSAT") || key.equals("SAT")) return CP_SAT;
        if (key.equals("COBYLA")) return NLP;
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown backend '" + text + "'; expected one of auto, scip, highs, cbc, glop, pdlp, cp-sat, nlp");
        }
    }

    /** Linear-only engines: they must never see a quadratic term (some would silently drop it). */
    public boolean isLinearOnly() {
        return this == HIGHS || this == CBC || this == GLOP || this == PDLP;
    }

    public boolean isContinuousOnly() {
        return this == GLOP || this == PDLP;
    }
}
