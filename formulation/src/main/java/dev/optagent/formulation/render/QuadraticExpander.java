package dev.optagent.formulation.render;

import dev.optagent.formulation.ground.Atom;
import dev.optagent.formulation.ground.Function;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.QuadraticForm;
import dev.optagent.formulation.ground.Value;

import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Expands a grounded expression into a {@link QuadraticForm}, multiplying out products and integer
 * powers of affine (or constant) factors. Anything a file format cannot hold is refused with an
 * {@link IllegalArgumentException} that names the model element and says why, so a user asking for an
 * LP file of an NLP learns which constraint is the reason.
 */
final class QuadraticExpander {

    private final String format;
    private final IntFunction<String> variableLabel;

    /**
     * @param format        "LP" or "MPS", for messages
     * @param variableLabel the label of a variable instance, for messages
     */
    QuadraticExpander(String format, IntFunction<String> variableLabel) {
        this.format = format;
        this.variableLabel = variableLabel;
    }

    /** @param element what is being expanded, as "constraint cap[a]" or "the objective" */
    QuadraticForm expand(GroundExpr expr, String element) {
        return new Expansion(element).of(expr);
    }

    /** One expansion: remembers the element so every refusal can name it. */
    private final class Expansion {
        private final String element;

        Expansion(String element) {
            this.element = element;
        }

        QuadraticForm of(GroundExpr expr) {
            return QuadraticForm.of(expr, this::atom);
        }

        private QuadraticForm atom(Atom atom) {
            return switch (atom) {
                case Atom.Product product -> multiply(of(product.left()), of(product.right()), atom);
                case Atom.Quotient quotient -> quotient(quotient);
                case Atom.Power power -> power(power);
                case Atom.Apply apply -> apply(apply);
            };
        }

        private QuadraticForm multiply(QuadraticForm a, QuadraticForm b, Atom where) {
            int degree = a.degree() + b.degree();
            if (degree > 2) {
                throw refuse("it has a term of degree " + degree + " in " + variables(where)
                        + ", and " + format + " format holds at most quadratic (degree 2) terms");
            }
            return QuadraticForm.product(a, b);
        }

        private QuadraticForm quotient(Atom.Quotient quotient) {
            QuadraticForm denominator = of(quotient.denominator());
            if (denominator.degree() > 0 || denominator.constant() == 0) {
                throw refuse("it divides by an expression in decision variables (" + variables(List.of(quotient.denominator()))
                        + "), which is not a polynomial"
                        + onlyPolynomials());
            }
            QuadraticForm result = QuadraticForm.constant(0);
            result.add(of(quotient.numerator()), 1 / denominator.constant());
            return result;
        }

        private QuadraticForm power(Atom.Power power) {
            QuadraticForm exponent = of(power.exponent());
            if (exponent.degree() > 0) {
                throw refuse("it raises to a power that depends on decision variables (" + variables(power) + ")"
                        + onlyPolynomials());
            }
            QuadraticForm base = of(power.base());
            double e = exponent.constant();
            if (base.degree() == 0) return QuadraticForm.constant(Math.pow(base.constant(), e));
            if (e < 0 || e != Math.rint(e)) {
                throw refuse("it raises an expression in " + variables(power) + " to the power " + Value.format(e)
                        + ", which is not a polynomial" + onlyPolynomials());
            }
            if (e * base.degree() > 2) {
                throw refuse("it has a term of degree " + Value.format(e * base.degree()) + " in " + variables(power)
                        + ", and " + format + " format holds at most quadratic (degree 2) terms");
            }
            QuadraticForm result = QuadraticForm.constant(1);
            for (int k = 0; k < (int) e; k++) result = QuadraticForm.product(result, base);
            return result;
        }

        private QuadraticForm apply(Atom.Apply apply) {
            List<QuadraticForm> args = apply.arguments().stream().map(this::of).toList();
            if (args.stream().allMatch(a -> a.degree() == 0)) {
                return QuadraticForm.constant(apply.function().apply(args.stream().mapToDouble(QuadraticForm::constant).toArray()));
            }
            Function function = apply.function();
            if (function.isPiecewiseLinear()) {
                throw refuse("it uses " + function.symbol() + " of decision variables (" + variables(apply) + "), and "
                        + format + " format has no abs, min or max; linearise it with auxiliary variables"
                        + " (for |e|: t >= e and t >= -e) or solve the model directly");
            }
            throw refuse("it uses " + function.symbol() + " of decision variables (" + variables(apply)
                    + "), which is not a polynomial" + onlyPolynomials());
        }

        private String onlyPolynomials() {
            return "; " + format + " format holds only linear and quadratic expressions";
        }

        private IllegalArgumentException refuse(String why) {
            return new IllegalArgumentException("cannot write " + element + " in " + format + " format: " + why);
        }

        /** The first few variables an atom involves, by label, to point at the offending term. */
        private String variables(Atom atom) {
            return variables(atom.arguments());
        }

        private String variables(List<GroundExpr> expressions) {
            TreeSet<Integer> indices = new TreeSet<>();
            for (GroundExpr expression : expressions) expression.forEachVariable(indices::add);
            String shown = indices.stream().limit(3).map(variableLabel::apply).collect(Collectors.joining(", "));
            return indices.size() > 3 ? shown + ", ..." : shown;
        }
    }
}
