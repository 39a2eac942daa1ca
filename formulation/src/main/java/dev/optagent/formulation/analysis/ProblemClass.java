package dev.optagent.formulation.analysis;

/** The structural class of a model, which decides the solver that can handle it exactly. */
public enum ProblemClass {
    /** Linear, continuous. */
    LP,
    /** Linear with integer or binary variables (also indicator constraints and abs/min/max, which linearise exactly). */
    MILP,
    /** Quadratic objective, linear constraints, continuous. */
    QP,
    /** Quadratic objective, linear constraints, some integer variables. */
    MIQP,
    /** Quadratic (possibly nonconvex) constraints. */
    QCP,
    /** Quadratic constraints with integer variables. */
    MIQCP,
    /** Smooth nonlinear (exp, log, sqrt, division by variables, higher powers), continuous. */
    NLP,
    /** Nonlinear with integer variables. */
    MINLP,
    /** All-integer with products of variables: a constraint-programming model. */
    CP
}
