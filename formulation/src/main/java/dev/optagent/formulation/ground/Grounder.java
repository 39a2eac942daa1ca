package dev.optagent.formulation.ground;

import dev.optagent.formulation.ConstraintDecl;
import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.ParameterDecl;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.SetDecl;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.expr.Binding;
import dev.optagent.formulation.expr.CmpOp;
import dev.optagent.formulation.expr.Expr;
import dev.optagent.formulation.expr.Parser;
import dev.optagent.formulation.expr.SyntaxError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instantiates a formulation over its data. Three passes, each collecting every problem it finds:
 * declarations (sets, data, bounds), static scope checks of all expressions, then grounding of the
 * objective and each constraint family under its bindings.
 */
final class Grounder {

    static final Set<String> AGGREGATES = Set.of("sum", "min", "max", "prod", "quicksum");
    static final Set<String> DATA_FUNCTIONS = Set.of("ceil", "floor", "round");
    /**
     * Only the keywords. Function names (sum, prod, min, ...) are functions only when called, {@code prod(...)},
     * and a declared name is never called, so a model may name its production variable {@code prod}.
     */
    static final Set<String> RESERVED = Set.of("for", "in", "if", "else", "and", "or", "not");

    private final Formulation formulation;
    private final Declarations declarations;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();

    private Grounder(Formulation formulation) {
        this.formulation = formulation;
        this.declarations = new Declarations(formulation);
    }

    static GroundModel ground(Formulation formulation) {
        return new Grounder(formulation).run();
    }

    private GroundModel run() {
        errors.addAll(declarations.diagnostics);
        missingElements();
        Parsed parsed = parseAndCheck();
        if (!errors.isEmpty()) throw new FormulationException(errors);

        GroundExpr objective = null;
        if (parsed.objective != null) {
            objective = groundObjective(parsed.objective);
        }
        List<GroundConstraint> constraints = new ArrayList<>();
        for (ParsedConstraint constraint : parsed.constraints) {
            new ConstraintGrounder(constraint, constraints).run();
        }
        if (!errors.isEmpty()) throw new FormulationException(errors);
        for (Diagnostic finding : FiniteData.findings(declarations.variables, objective, constraints)) {
            (finding.isError() ? errors : warnings).add(finding);
        }
        if (!errors.isEmpty()) throw new FormulationException(errors);
        Sense sense = formulation.objective() == null || objective == null ? null : formulation.objective().sense();
        warnings.addAll(RunawayCheck.findings(declarations.variables, sense, objective, constraints));
        return new GroundModel(formulation, declarations.sets, declarations.parameters, declarations.blocks,
                declarations.variables, sense, objective, constraints, warnings);
    }

    /** Nothing to decide, or nothing asked: {@code {}} is not a model, and is never "optimal". */
    private void missingElements() {
        if (formulation.variables().isEmpty()) {
            errors.add(Diagnostic.error("variables.missing", "formulation", "variables", -1,
                    "the formulation declares no variables, so there is nothing to decide")
                    .expecting("at least one entry in \"variables\", as {\"name\": \"x\", \"type\": \"continuous\"}"));
        }
        if (formulation.objective() == null && !formulation.isLexicographic()) {
            errors.add(Diagnostic.error("objective.missing", "formulation", "objective", -1,
                    "the formulation has no objective, so it does not say what a best solution is")
                    .expecting("an \"objective\" to minimize or maximize, as {\"sense\": \"minimize\", \"expression\": \"...\"};"
                            + " for a pure feasibility problem write \"objective\": {\"sense\": \"feasible\"}"));
        } else if (formulation.objective() != null && formulation.objective().isFeasibility() && formulation.constraints().isEmpty()) {
            errors.add(Diagnostic.error("objective.missing", "formulation", "constraints", -1,
                    "the formulation asks for a feasible solution but has no constraints, so nothing is asked of the variables")
                    .expecting("constraints to satisfy, or an objective to minimize or maximize"));
        }
    }

    // ---- pass 2: parse and check every expression --------------------------------------------------

    private record ParsedConstraint(ConstraintDecl decl, String element, List<Binding> bindings, Expr condition, Expr relation) { }

    private record Parsed(Expr objective, List<ParsedConstraint> constraints) { }

    private Parsed parseAndCheck() {
        Set<String> declared = new HashSet<>();
        formulation.sets().stream().map(SetDecl::name).forEach(declared::add);
        formulation.parameters().stream().map(ParameterDecl::name).forEach(declared::add);
        formulation.variables().stream().map(VariableDecl::name).forEach(declared::add);
        Set<String> usedParameters = new HashSet<>();
        formulation.variables().forEach(v -> {
            if (v.lower() != null && v.lower().isTextual()) usedParameters.add(v.lower().textValue().trim());
            if (v.upper() != null && v.upper().isTextual()) usedParameters.add(v.upper().textValue().trim());
        });
        ScopeChecker checker = new ScopeChecker(declarations, declared, usedParameters, errors);

        Expr objective = null;
        if (formulation.objective() != null && formulation.objective().isFeasibility()) {
            String expression = formulation.objective().expression();
            if (expression != null && !expression.isBlank()) {
                errors.add(Diagnostic.error("objective.feasible", "objective", "expression", -1,
                        "a feasibility objective has nothing to optimise, but it has the expression '" + expression + "'")
                        .expecting("{\"sense\": \"feasible\"} without an expression, or sense \"minimize\" or \"maximize\" to optimise it"));
            }
        } else if (formulation.objective() != null) {
            if (formulation.objective().sense() == null) {
                errors.add(Diagnostic.error("objective.sense", "objective", "sense", -1, "the objective has no sense")
                        .expecting("\"minimize\", \"maximize\" or \"feasible\""));
            }
            objective = parse("objective", "expression", formulation.objective().expression(), false);
            if (objective != null) {
                if (objective instanceof Expr.Compare) {
                    errors.add(Diagnostic.error("objective.comparison", "objective", "expression", objective.span().start(),
                            "the objective is a comparison").expecting("an expression to minimize or maximize, without <=, >= or =="));
                } else {
                    checker.check(objective, Map.of(), "objective", "expression");
                }
            }
        }
        List<ParsedConstraint> constraints = new ArrayList<>();
        Set<String> constraintNames = new HashSet<>();
        for (int k = 0; k < formulation.constraints().size(); k++) {
            ConstraintDecl decl = formulation.constraints().get(k);
            String name = decl.name() == null || decl.name().isBlank() ? "c" + (k + 1) : decl.name();
            String element = "constraint " + name;
            if (!constraintNames.add(name)) {
                errors.add(Diagnostic.error("name.duplicate", element, "name", -1, "two constraints are named '" + name + "'")
                        .expecting("unique constraint names"));
            }
            List<Binding> bindings = List.of();
            if (decl.forall() != null && !decl.forall().isBlank()) {
                try {
                    bindings = Parser.bindings(decl.forall());
                } catch (SyntaxError e) {
                    errors.add(syntax(element, "for", e));
                    continue;
                }
            }
            Map<String, Integer> scope = checker.checkBindings(bindings, element, "for");
            Expr condition = parse(element, "if", decl.condition(), true);
            if (condition != null) checker.check(condition, scope, element, "if");
            Expr relation = parse(element, "expression", decl.expression(), false);
            if (relation == null) continue;
            if (!(relation instanceof Expr.Compare)) {
                errors.add(Diagnostic.error("constraint.relation", element, "expression", relation.span().start(),
                        "a constraint must compare two sides").expecting("<=, >= or == between two expressions, or lo <= expr <= hi"));
                continue;
            }
            checker.check(relation, scope, element, "expression");
            constraints.add(new ParsedConstraint(decl, element, bindings, condition, relation));
        }
        for (ParameterDecl parameter : formulation.parameters()) {
            if (parameter.name() != null && !usedParameters.contains(parameter.name())) {
                warnings.add(Diagnostic.warning("parameter.unused", "parameter " + parameter.name(), null,
                        "parameter '" + parameter.name() + "' is given but never used; data that the model ignores usually means a missing term or constraint"));
            }
        }
        return new Parsed(objective, constraints);
    }

    private Expr parse(String element, String field, String text, boolean optional) {
        if (text == null || text.isBlank()) {
            if (!optional) {
                errors.add(Diagnostic.error("expression.missing", element, field, -1, "the " + field + " is empty")
                        .expecting("an expression"));
            }
            return null;
        }
        try {
            return Parser.expression(text);
        } catch (SyntaxError e) {
            errors.add(syntax(element, field, e));
            return null;
        }
    }

    private static Diagnostic syntax(String element, String field, SyntaxError e) {
        return Diagnostic.error("syntax", element, field, e.position(), e.getMessage()).expecting(e.expected());
    }

    // ---- pass 3: grounding ---------------------------------------------------------------------------

    private GroundExpr groundObjective(Expr expr) {
        Evaluator evaluator = new Evaluator(declarations, "objective", "expression");
        try {
            return evaluator.algebra(evaluator.eval(expr), expr);
        } catch (GroundingError e) {
            errors.add(e.toDiagnostic());
            return null;
        }
    }

    /** Grounds one constraint family: every binding of its {@code for}, then its relation. */
    private final class ConstraintGrounder {
        private final ParsedConstraint constraint;
        private final List<GroundConstraint> out;
        private final Evaluator evaluator;
        private final List<String> indexNames = new ArrayList<>();
        private boolean strictWarned;

        ConstraintGrounder(ParsedConstraint constraint, List<GroundConstraint> out) {
            this.constraint = constraint;
            this.out = out;
            this.evaluator = new Evaluator(declarations, constraint.element(), "expression");
            for (Binding binding : constraint.bindings()) indexNames.addAll(binding.names());
        }

        void run() {
            try {
                evaluator.at(null, "for");
                evaluator.forEachBinding(constraint.bindings(), 0, this::instance);
            } catch (GroundingError e) {
                errors.add(e.toDiagnostic());
            }
        }

        private void instance() {
            String label = label();
            int indicatorVariable = -1;
            boolean indicatorValue = true;
            if (constraint.condition() != null) {
                evaluator.at(label, "if");
                Indicator indicator = evaluator.enforcement(constraint.condition());
                if (indicator == Indicator.NEVER) {
                    evaluator.at(null, "for");
                    return;
                }
                if (indicator != Indicator.ALWAYS) {
                    indicatorVariable = indicator.variable();
                    indicatorValue = indicator.value();
                }
            }
            Expr.Compare relation = (Expr.Compare) constraint.relation();
            evaluator.at(label, "expression");
            List<GroundExpr> sides = new ArrayList<>();
            for (Expr operand : relation.operands()) sides.add(evaluator.algebra(evaluator.eval(operand), operand));
            List<CmpOp> ops = relation.ops();
            for (int k = 0; k < ops.size(); k++) {
                CmpOp op = ops.get(k);
                if (op == CmpOp.NE) {
                    throw new GroundingError(constraint.element(), "expression", relation.span().start(),
                            "'!=' cannot be a model constraint", "<=, >= or ==; model 'x != v' with a binary either-or", null, label);
                }
                if ((op == CmpOp.LT || op == CmpOp.GT) && !strictWarned) {
                    strictWarned = true;
                    warnings.add(Diagnostic.warning("constraint.strict", constraint.element(), "expression",
                            "strict '" + op.symbol + "' is treated as '" + (op == CmpOp.LT ? "<=" : ">=")
                                    + "' (solvers cannot enforce strict inequalities; for integers write <= value - 1)"));
                }
            }
            if (ops.size() == 2 && sameDirection(ops.get(0), ops.get(1))
                    && sides.get(0).isConstant() && sides.get(2).isConstant()) {
                boolean ascending = ops.get(0) == CmpOp.LE || ops.get(0) == CmpOp.LT;
                double lo = ascending ? sides.get(0).constant() : sides.get(2).constant();
                double hi = ascending ? sides.get(2).constant() : sides.get(0).constant();
                GroundExpr body = sides.get(1);
                out.add(new GroundConstraint(family(), label, body.shift(-body.constant()), lo - body.constant(),
                        hi - body.constant(), indicatorVariable, indicatorValue));
                evaluator.at(null, "for");
                return;
            }
            for (int k = 0; k < ops.size(); k++) {
                GroundExpr difference = sides.get(k).minus(sides.get(k + 1));
                GroundExpr body = difference.shift(-difference.constant());
                double rhs = -difference.constant();
                CmpOp op = ops.get(k);
                double lower = op == CmpOp.LE || op == CmpOp.LT ? Double.NEGATIVE_INFINITY : rhs;
                double upper = op == CmpOp.GE || op == CmpOp.GT ? Double.POSITIVE_INFINITY : rhs;
                String instance = ops.size() == 1 ? label : label + "#" + (k + 1);
                out.add(new GroundConstraint(family(), instance, body, lower, upper, indicatorVariable, indicatorValue));
            }
            evaluator.at(null, "for");
        }

        private String family() {
            return constraint.element().substring("constraint ".length());
        }

        private String label() {
            if (indexNames.isEmpty()) return family();
            StringBuilder label = new StringBuilder(family()).append('[');
            for (int k = 0; k < indexNames.size(); k++) {
                if (k > 0) label.append(',');
                label.append(evaluator.bound(indexNames.get(k)).label());
            }
            return label.append(']').toString();
        }
    }

    private static boolean sameDirection(CmpOp a, CmpOp b) {
        boolean aUp = a == CmpOp.LE || a == CmpOp.LT;
        boolean bUp = b == CmpOp.LE || b == CmpOp.LT;
        boolean aDown = a == CmpOp.GE || a == CmpOp.GT;
        boolean bDown = b == CmpOp.GE || b == CmpOp.GT;
        return (aUp && bUp) || (aDown && bDown);
    }

    /** Outcome of a constraint's {@code if}: always, never (a data filter), or an indicator literal. */
    record Indicator(int variable, boolean value) {
        static final Indicator ALWAYS = new Indicator(-1, true);
        static final Indicator NEVER = new Indicator(-2, false);
    }
}
