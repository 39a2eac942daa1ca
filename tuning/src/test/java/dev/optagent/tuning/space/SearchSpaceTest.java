package dev.optagent.tuning.space;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SearchSpaceTest {

    private final SearchSpace space = SearchSpace.of(
            FloatParameter.of("rate", -1, 1),
            FloatParameter.logScale("tolerance", 1e-6, 1e-2),
            IntParameter.of("workers", 1, 8),
            CategoricalParameter.of("emphasis", "default", "feasibility", "optimality"),
            BooleanParameter.of("presolve"),
            new IntParameter("rounds", 1, 100, false, "presolve rounds", new Condition("presolve", List.of(true))));

    @Test
    void unitCoordinatesRoundTripEveryKindOfParameter() {
        var random = new SplittableRandom(3);
        for (int k = 0; k < 200; k++) {
            Configuration c = space.sample(random);
            Configuration back = space.fromUnit(space.toUnit(c));
            assertTrue(back.sameAs(c), c + " came back as " + back);
        }
    }

    @Test
    void logScaleSpendsEqualUnitLengthPerDecade() {
        FloatParameter p = FloatParameter.logScale("t", 1e-6, 1e-2);
        assertEquals(1e-4, (double) p.fromUnit(0.5), 1e-12);
        assertEquals(0.25, p.toUnit(1e-5), 1e-12);
    }

    @Test
    void integersOwnEqualCells() {
        IntParameter p = IntParameter.of("w", 1, 4);
        int[] counts = new int[5];
        for (int k = 0; k < 400; k++) counts[(int) (long) (Long) p.fromUnit((k + 0.5) / 400)]++;
        assertArrayEquals(new int[] {0, 100, 100, 100, 100}, counts);
    }

    @Test
    void categoriesAreOneHotAndInactiveParametersAreNeutral() {
        Configuration c = space.validate(Map.of("rate", 0, "tolerance", 1e-4, "workers", 2, "emphasis", "optimality", "presolve", false));
        double[] f = space.features(c);
        assertEquals(1 + 1 + 1 + 3 + 1 + 1, f.length);
        assertArrayEquals(new double[] {0, 0, 1}, java.util.Arrays.copyOfRange(f, 3, 6));
        assertEquals(0.0, f[6]);
        assertEquals(0.5, f[7], "the inactive 'rounds' sits at the centre");
        assertNull(c.get("rounds"));
    }

    @Test
    void validationNormalisesTextAndNamesEveryProblem() {
        Configuration ok = space.validate(Map.of("rate", "0.5", "tolerance", 0.001, "workers", 3.0, "emphasis", "Feasibility",
                "presolve", "yes", "rounds", 10));
        assertEquals(3L, ok.get("workers"));
        assertEquals("feasibility", ok.get("emphasis"));
        assertEquals(true, ok.get("presolve"));
        var error = assertThrows(InvalidConfigurationException.class, () -> space.validate(Map.of("rate", 2, "tolerance", 1e-4,
                "workers", 2.5, "emphasis", "fast", "presolve", false, "rounds", 5, "speed", 1)));
        String text = error.getMessage();
        assertTrue(text.contains("'rate': '2' is not a real number in [-1.0, 1.0]"), text);
        assertTrue(text.contains("'workers': '2.5' is not an integer"), text);
        assertTrue(text.contains("one of default, feasibility, optimality"), text);
        assertTrue(text.contains("'rounds' is inactive"), text);
        assertTrue(text.contains("unknown parameter 'speed'"), text);
        assertEquals(5, error.problems().size());
    }

    @Test
    void aConditionMustNameAnEarlierChoiceParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.of(FloatParameter.of("a", 0, 1),
                new FloatParameter("b", 0, 1, false, "", new Condition("a", List.of(1)))));
        assertTrue(e.getMessage().contains("must be a categorical or boolean parameter declared before it"), e.getMessage());
    }
}
