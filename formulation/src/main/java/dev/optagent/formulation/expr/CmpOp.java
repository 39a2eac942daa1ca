package dev.optagent.formulation.expr;

public enum CmpOp {
    LE("<="), GE(">="), EQ("=="), NE("!="), LT("<"), GT(">");

    public final String symbol;

    CmpOp(String symbol) {
        this.symbol = symbol;
    }

    public boolean test(int comparison) {
        return switch (this) {
            case LE -> comparison <= 0;
            case GE -> comparison >= 0;
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case GT -> comparison > 0;
        };
    }

    /** Usable as a model constraint (strict inequalities are not: an LP has no "<"). */
    public boolean isRelation() {
        return this == LE || this == GE || this == EQ;
    }
}
