package dev.optagent.solvers;

import dev.optagent.formulation.analysis.Classification;

/**
 * Picks the engine for a problem class. Pure LPs go to GLOP, OR-Tools' simplex, which also returns duals
 * and reduced costs. SCIP takes everything polynomial: LP, MILP, QP and (nonconvex)
 * QCP are solved to proven global optimality, and so are higher-degree polynomials after the compiler
 * introduces auxiliary product columns. All-integer models with products go to CP-SAT (SCIP takes
 * over when CP-SAT cannot represent them, e.g. a variable without bounds). Only models with
 * exp/log/sqrt or division by variables go to the local NLP engine.
 */
public final class Routing {

    private Routing() {
    }

    /** The engine to try when the routed one cannot represent the model (only under AUTO). */
    public static Backend fallback(Classification classification, Backend routed) {
        return routed != Backend.SCIP && classification.polynomial() ? Backend.SCIP : null;
    }

    public static Backend choose(Classification classification, Backend requested) {
        if (requested != Backend.AUTO) return requested;
        return switch (classification.problemClass()) {
            case LP -> Backend.GLOP;
            case MILP, QP, MIQP, QCP, MIQCP -> Backend.SCIP;
            case CP -> Backend.CP_SAT;
            case NLP, MINLP -> classification.polynomial() ? Backend.SCIP : Backend.NLP;
        };
    }
}
