package dev.optagent.agent;

/** Model replies written for the tests (not recorded from a model): a workshop problem and variants. */
final class Replies {

    static final String WORKSHOP = """
            A workshop makes chairs and tables. Each chair needs 2 hours of carpentry and 1 hour of finishing; each
            table needs 3 hours of carpentry and 2 hours of finishing. There are 120 carpentry hours and 70 finishing
            hours available. A chair earns $30 profit and a table $50. How many chairs and tables should be made to
            maximize profit?""";

    static final String WORKSHOP_IMPOSSIBLE = """
            A workshop makes chairs and tables. Each chair needs 2 hours of carpentry and each table needs 3 hours.
            Only 120 carpentry hours are available. The shop has promised at least 40 chairs and at least 50 tables.
            A chair earns $30 and a table $50. Maximize profit.""";

    static String formulation(String carpentryName, String capacityUse, String tableLowerBound) {
        return """
                {"name": "workshop",
                 "sets": [{"name": "Products", "elements": ["chair", "table"]}, {"name": "Shops", "elements": ["carpentry", "finishing"]}],
                 "parameters": [
                   {"name": "%s", "index": ["Shops", "Products"], "values": [[2, 3], [1, 2]], "unit": "hours per item"},
                   {"name": "available", "index": ["Shops"], "values": [120, 70], "unit": "hours"},
                   {"name": "profit", "index": ["Products"], "values": [30, 50], "unit": "$ per item"}],
                 "variables": [{"name": "make", "index": ["Products"], "type": "integer", "description": "items made", "unit": "items"%s}],
                 "objective": {"sense": "maximize", "expression": "sum(profit[p] * make[p] for p in Products)"},
                 "constraints": [{"name": "hours", "for": "s in Shops", "expression": "sum(%s[s, p] * make[p] for p in Products) <= available[s]"}]}
                """.formatted(carpentryName, tableLowerBound, capacityUse);
    }

    static String reply(String json) {
        return "## Understanding\n- Objective: maximize profit.\n- Decisions: chairs and tables made (integer).\n\n```json\n" + json + "\n```\n";
    }

    static final String CORRECT = reply(formulation("hours_needed", "hours_needed", ""));

    /** Same model, written differently (a second sample that agrees). */
    static final String CORRECT_AGAIN = reply(formulation("use", "use", ""));

    /** Uses a name that was never declared. */
    static final String TYPO = reply(formulation("hours_needed", "hours_neded", ""));

    /** Forgot integrality and halved the profit of tables: a different answer (a disagreeing sample). */
    static final String DIFFERENT = reply(formulation("hours_needed", "hours_needed", "").replace("[30, 50]", "[30, 25]"));

    static final String BROKEN_JSON = "Here is the model:\n```json\n{\"name\": \"workshop\", \"sets\": [\n```\nSorry, cut off.";

    /** A typo in the data (1000 instead of 10 as a lower bound on tables) makes the model infeasible. */
    static final String WRONG_BOUND = reply(formulation("hours_needed", "hours_needed", ", \"lower\": \"minimum\"")
            .replace("\"parameters\": [", "\"parameters\": [{\"name\": \"minimum\", \"index\": [\"Products\"], \"values\": [0, 1000]},"));

    static final String IMPOSSIBLE = reply("""
            {"name": "promised",
             "sets": [{"name": "Products", "elements": ["chair", "table"]}],
             "parameters": [{"name": "hours", "index": ["Products"], "values": [2, 3]}, {"name": "available", "value": 120},
                            {"name": "promised", "index": ["Products"], "values": [40, 50]}, {"name": "profit", "index": ["Products"], "values": [30, 50]}],
             "variables": [{"name": "make", "index": ["Products"], "type": "integer"}],
             "objective": {"sense": "maximize", "expression": "sum(profit[p] * make[p] for p in Products)"},
             "constraints": [{"name": "carpentry", "expression": "sum(hours[p] * make[p] for p in Products) <= available"},
                             {"name": "promise", "for": "p in Products", "expression": "make[p] >= promised[p]"}]}
            """);

    static final String VERDICT_INFEASIBLE = """
            The model is faithful: 40 chairs and 50 tables need 230 carpentry hours but only 120 exist.
            ```json
            {"verdict": "infeasible", "reason": "the promises need 230 carpentry hours, only 120 are available"}
            ```""";

    static final String PEN = """
            A farmer has 100 m of fence for a rectangular pen against nothing. Choose width and length to maximize the area.""";

    static final String PEN_MODEL = reply("""
            {"name": "pen", "parameters": [{"name": "fence", "value": 100, "unit": "m"}],
             "variables": [{"name": "width", "upper": 50, "unit": "m"}, {"name": "length", "upper": 50, "unit": "m"}],
             "objective": {"sense": "maximize", "expression": "width * length"},
             "constraints": [{"name": "fence_used", "expression": "2 * width + 2 * length <= fence"}]}
            """);

    private Replies() {
    }
}
