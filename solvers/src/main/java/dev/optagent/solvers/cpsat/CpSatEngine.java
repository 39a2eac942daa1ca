package dev.optagent.solvers.cpsat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.Atom;
import dev.optagent.formulation.ground.Function;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.NativeLibraries;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.EngineOutcome;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.SolverEngine;
import dev.optagent.solvers.UnsupportedModelException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All-integer models with products, abs, min and max on CP-SAT. Every variable needs finite bounds;
 * rational coefficients are scaled exactly (see {@link RationalScaling}); products of expressions become
 * auxiliary variables tied by {@code addMultiplicationEquality}, with domains from interval arithmetic.
 */
public final class CpSatEngine implements SolverEngine {

    private static final long DOMAIN_LIMIT = 1L << 52;

    @Override
    public BackendResult solve(GroundModel model, SolveOptions options) {
        NativeLibraries.ensureLoaded();
        return new Compilation(model).solve(options);
    }

    /** One model's translation: CP-SAT variables per instance plus auxiliaries. */
    private static final class Compilation {
        private final GroundModel model;
        private final CpModel cp = new CpModel();
        private final IntVar[] vars;
        private final long[] lower;
        private final long[] upper;
        private final Map<Atom, IntVar> atoms = new LinkedHashMap<>();
        private int auxiliaries;

        Compilation(GroundModel model) {
            this.model = model;
            this.vars = new IntVar[model.variableCount()];
            this.lower = new long[vars.length];
            this.upper = new long[vars.length];
            boolean[] used = model.usedVariables();
            for (VariableInstance v : model.variables()) {
                if (!v.isDiscrete()) {
                    throw new UnsupportedModelException("CP-SAT solves integer models only and " + v.label() + " is continuous");
                }
                if (used[v.index()] && (Double.isInfinite(v.lower()) || Double.isInfinite(v.upper()))) {
                    throw new UnsupportedModelException("CP-SAT needs finite bounds and " + v.label() + " has none on one side;"
                            + " give it a lower and upper bound");
                }
                long lo = Double.isInfinite(v.lower()) ? 0 : (long) Math.ceil(v.lower() - 1e-9);
                long hi = Double.isInfinite(v.upper()) ? Math.max(lo, 0) : (long) Math.floor(v.upper() + 1e-9);
                lower[v.index()] = lo;
                upper[v.index()] = hi;
                vars[v.index()] = lo == 0 && hi == 1 ? cp.newBoolVar(v.label()) : cp.newIntVar(lo, hi, v.label());
            }
        }

        BackendResult solve(SolveOptions options) {
            for (GroundConstraint constraint : model.constraints()) addConstraint(constraint);
            addMachines();
            long objectiveFactor = 1;
            if (model.objective() != null) {
                Scaled objective = linear(model.objective(), "the objective");
                objectiveFactor = objective.factor();
                if (model.sense() == Sense.MAXIMIZE) cp.maximize(objective.expr());
                else cp.minimize(objective.expr());
            }
            CpSolver solver = new CpSolver();
            solver.getParameters().setMaxTimeInSeconds(Math.max(0.01, options.timeLimit().toMillis() / 1000.0));
            solver.getParameters().setNumWorkers(Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
            solver.getParameters().setRandomSeed((int) options.seed());
            if (!options.parameters().cpSat().isEmpty()) {
                try {
                    com.google.protobuf.TextFormat.merge(options.parameters().cpSatText(), solver.getParameters());
                } catch (com.google.protobuf.TextFormat.ParseException e) {
                    throw new UnsupportedModelException("the CP-SAT parameters are not valid: " + e.getMessage());
                }
            }
            CpSolverStatus status = dev.optagent.solvers.EngineInterrupt.during(solver::stopSearch, () -> solver.solve(cp));
            String version = "CP-SAT (OR-Tools " + com.google.ortools.init.OrToolsVersion.getVersionString() + ")";
            SolveStatus mapped = switch (status) {
                case OPTIMAL -> SolveStatus.OPTIMAL;
                case FEASIBLE -> SolveStatus.FEASIBLE;
                case INFEASIBLE -> SolveStatus.INFEASIBLE;
                case UNKNOWN -> SolveStatus.TIME_LIMIT;
                default -> SolveStatus.ERROR;
            };
            if (!mapped.hasSolution()) {
                String words = status == CpSolverStatus.MODEL_INVALID ? EngineOutcome.invalid(cp.validate())
                        : EngineOutcome.words(mapped) != null ? EngineOutcome.words(mapped) : "the solver failed";
                return BackendResult.failed(mapped, "CP_SAT", version, words);
            }
            double[] values = new double[vars.length];
            for (int k = 0; k < vars.length; k++) values[k] = solver.value(vars[k]);
            double bound = model.objective() == null ? Double.NaN : solver.bestObjectiveBound() / objectiveFactor;
            return new BackendResult(mapped, values, "CP_SAT", version, status.name(), Map.of(), Map.of(), false, bound);
        }

        /** Redundant no-overlap constraints for the machines behind big-M sequencing rows (see {@link Disjunctions}). */
        private void addMachines() {
            for (List<Disjunctions.Operation> machine : Disjunctions.machines(model)) {
                List<IntervalVar> intervals = new ArrayList<>();
                for (Disjunctions.Operation op : machine) {
                    intervals.add(cp.newFixedSizeIntervalVar(vars[op.start()], op.duration(), "machine_" + op.start()));
                }
                cp.addNoOverlap(intervals);
            }
        }

        private void addConstraint(GroundConstraint constraint) {
            Scaled body = linear(constraint.body(), "constraint " + constraint.label());
            long lo = Double.isInfinite(constraint.lower()) ? Long.MIN_VALUE : (long) Math.ceil(constraint.lower() * body.factor() - 1e-6);
            long hi = Double.isInfinite(constraint.upper()) ? Long.MAX_VALUE : (long) Math.floor(constraint.upper() * body.factor() + 1e-6);
            var added = cp.addLinearConstraint(body.expr(), lo, hi);
            if (constraint.isIndicator()) {
                Literal literal = (BoolVar) vars[constraint.indicatorVariable()];
                added.onlyEnforceIf(constraint.indicatorValue() ? literal : literal.not());
            }
        }

        /** An integer linear expression equal to factor * expr. */
        private record Scaled(LinearExpr expr, long factor) { }

        private Scaled linear(GroundExpr expr, String where) {
            List<LinearArgument> terms = new ArrayList<>();
            List<Double> coefs = new ArrayList<>();
            int[] vs = expr.linearVariables();
            double[] cs = expr.linearCoefficients();
            for (int k = 0; k < vs.length; k++) {
                terms.add(vars[vs[k]]);
                coefs.add(cs[k]);
            }
            for (GroundExpr.Scaled term : expr.nonlinearTerms()) {
                terms.add(atom(term.atom(), where));
                coefs.add(term.coef());
            }
            double[] all = new double[coefs.size() + 1];
            for (int k = 0; k < coefs.size(); k++) all[k] = coefs.get(k);
            all[coefs.size()] = expr.constant();
            long factor = RationalScaling.multiplier(all, where);
            LinearExprBuilder builder = LinearExpr.newBuilder();
            for (int k = 0; k < terms.size(); k++) builder.addTerm(terms.get(k), Math.round(coefs.get(k) * factor));
            builder.add(Math.round(expr.constant() * factor));
            return new Scaled(builder.build(), factor);
        }

        /** An integer variable equal to the atom (created once per distinct atom). */
        private IntVar atom(Atom atom, String where) {
            IntVar existing = atoms.get(atom);
            if (existing != null) return existing;
            IntVar result = switch (atom) {
                case Atom.Product product -> product(List.of(product.left(), product.right()), where);
                case Atom.Power power -> {
                    int exponent = power.integerExponent();
                    if (exponent < 1) throw new UnsupportedModelException(where + " has a non-integer power; CP-SAT needs integer exponents");
                    List<GroundExpr> factors = new ArrayList<>();
                    for (int k = 0; k < exponent; k++) factors.add(power.base());
                    yield product(factors, where);
                }
                case Atom.Apply apply -> apply(apply, where);
                case Atom.Quotient quotient -> throw new UnsupportedModelException(where
                        + " divides by a variable expression, which CP-SAT cannot represent exactly");
            };
            atoms.put(atom, result);
            return result;
        }

        private IntVar product(List<GroundExpr> factors, String where) {
            IntVar acc = variableFor(factors.getFirst(), where);
            for (int k = 1; k < factors.size(); k++) {
                IntVar next = variableFor(factors.get(k), where);
                long[] a = domain(acc);
                long[] b = domain(next);
                long[] corners;
                try {
                    corners = new long[] {Math.multiplyExact(a[0], b[0]), Math.multiplyExact(a[0], b[1]),
                        Math.multiplyExact(a[1], b[0]), Math.multiplyExact(a[1], b[1])};
                } catch (ArithmeticException e) {
                    throw new UnsupportedModelException(where + " overflows 64-bit integers; tighten the variable bounds");
                }
                long lo = Math.min(Math.min(corners[0], corners[1]), Math.min(corners[2], corners[3]));
                long hi = Math.max(Math.max(corners[0], corners[1]), Math.max(corners[2], corners[3]));
                checkDomain(lo, hi, where);
                IntVar product = cp.newIntVar(lo, hi, "aux_product_" + (auxiliaries++));
                cp.addMultiplicationEquality(product, acc, next);
                acc = product;
            }
            return acc;
        }

        private IntVar apply(Atom.Apply apply, String where) {
            Function function = apply.function();
            if (!function.isPiecewiseLinear()) {
                throw new UnsupportedModelException(where + " uses " + function.symbol() + ", which CP-SAT cannot represent");
            }
            List<IntVar> args = new ArrayList<>();
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (GroundExpr argument : apply.arguments()) {
                IntVar v = variableFor(argument, where);
                args.add(v);
                long[] d = domain(v);
                lo = Math.min(lo, d[0]);
                hi = Math.max(hi, d[1]);
            }
            if (function == Function.ABS) {
                long[] d = domain(args.getFirst());
                lo = d[0] <= 0 && d[1] >= 0 ? 0 : Math.min(Math.abs(d[0]), Math.abs(d[1]));
                hi = Math.max(Math.abs(d[0]), Math.abs(d[1]));
            }
            IntVar result = cp.newIntVar(lo, hi, "aux_" + function.symbol() + "_" + (auxiliaries++));
            switch (function) {
                case ABS -> cp.addAbsEquality(result, args.getFirst());
                case MIN -> cp.addMinEquality(result, args);
                case MAX -> cp.addMaxEquality(result, args);
                default -> throw new IllegalStateException(function.name());
            }
            return result;
        }

        /** The expression as one integer variable: itself when it is one, else an auxiliary tied by a row. */
        private IntVar variableFor(GroundExpr expr, String where) {
            int[] vs = expr.linearVariables();
            if (expr.isAffine() && expr.constant() == 0 && vs.length == 1 && expr.linearCoefficients()[0] == 1) {
                return vars[vs[0]];
            }
            if (expr.isAffine() && vs.length == 0 && expr.constant() == Math.rint(expr.constant())) {
                long c = (long) expr.constant();
                return cp.newIntVar(c, c, "aux_constant_" + (auxiliaries++));
            }
            Scaled scaled = linear(expr, where);
            if (scaled.factor() != 1) {
                throw new UnsupportedModelException(where + " multiplies an expression with fractional coefficients (" + expr
                        + "); CP-SAT needs integer-valued factors");
            }
            long[] bounds = bounds(expr);
            checkDomain(bounds[0], bounds[1], where);
            IntVar aux = cp.newIntVar(bounds[0], bounds[1], "aux_term_" + (auxiliaries++));
            cp.addEquality(aux, scaled.expr());
            return aux;
        }

        private long[] bounds(GroundExpr expr) {
            double lo = expr.constant();
            double hi = expr.constant();
            int[] vs = expr.linearVariables();
            double[] cs = expr.linearCoefficients();
            for (int k = 0; k < vs.length; k++) {
                double a = cs[k] * lower[vs[k]];
                double b = cs[k] * upper[vs[k]];
                lo += Math.min(a, b);
                hi += Math.max(a, b);
            }
            for (GroundExpr.Scaled term : expr.nonlinearTerms()) {
                long[] d = domain(atoms.get(term.atom()) != null ? atoms.get(term.atom()) : atom(term.atom(), "an expression"));
                double a = term.coef() * d[0];
                double b = term.coef() * d[1];
                lo += Math.min(a, b);
                hi += Math.max(a, b);
            }
            return new long[] {(long) Math.floor(lo), (long) Math.ceil(hi)};
        }

        private static long[] domain(IntVar v) {
            var d = v.getDomain();
            return new long[] {d.min(), d.max()};
        }

        private static void checkDomain(long lo, long hi, String where) {
            if (Math.abs(lo) > DOMAIN_LIMIT || Math.abs(hi) > DOMAIN_LIMIT) {
                throw new UnsupportedModelException(where + " creates an intermediate value beyond 2^52; tighten the variable bounds");
            }
        }
    }
}
