package dev.optagent.formulation.expr;

public enum ArithOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("**");

    public final String symbol;

    ArithOp(String symbol) {
        this.symbol = symbol;
    }
}
