package dev.optagent.formulation.render;

import dev.optagent.formulation.ground.GroundModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.optagent.formulation.render.Models.hasFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MpsWriterTest {

    @Test
    void transportHasRowsColumnsAndRightHandSides() {
        String mps = MpsWriter.write(GroundModel.of(Models.transport()));

        assertEquals(List.of("NAME transport", "ROWS", "COLUMNS", "RHS", "BOUNDS", "ENDATA"), Models.sections(mps, "*"));
        assertTrue(hasFields(mps, "N", "obj"), mps);
        assertTrue(hasFields(mps, "L", "supply_limit(seattle)"), mps);
        assertTrue(hasFields(mps, "L", "supply_limit(san_diego)"), mps);
        assertTrue(hasFields(mps, "G", "demand_met(new_york)"), mps);
        assertTrue(hasFields(mps, "ship(seattle,new_york)", "obj", "0.225"), mps);
        assertTrue(hasFields(mps, "ship(seattle,new_york)", "supply_limit(seattle)", "1"), mps);
        assertTrue(hasFields(mps, "ship(san_diego,topeka)", "demand_met(topeka)", "1"), mps);
        assertTrue(hasFields(mps, "RHS", "supply_limit(san_diego)", "600"), mps);
        assertTrue(hasFields(mps, "RHS", "demand_met(topeka)", "275"), mps);
        assertTrue(mps.contains("* row supply_limit(san_diego) is supply_limit[san-diego]\n"), mps);
        assertFalse(mps.contains("MARKER"), "no integer columns, no markers");
    }

    @Test
    void facilityUsesEveryExtensionSection() {
        String mps = MpsWriter.write(GroundModel.of(Models.facility()));
        List<List<String>> fields = Models.fieldLines(mps);

        assertEquals(List.of("NAME facility", "ROWS", "COLUMNS", "RHS", "RANGES", "BOUNDS", "QUADOBJ", "QCMATRIX   disc",
                "INDICATORS", "ENDATA"), Models.sections(mps, "*"));
        assertTrue(hasFields(mps, "L", "closed_empty(north)"), mps);
        assertTrue(hasFields(mps, "G", "band"), "a linear range stays one row");
        assertTrue(hasFields(mps, "L", "disc"), mps);

        // Binaries and the integer n sit between markers; the continuous flow columns do not.
        int open = fields.indexOf(List.of("open(north)", "obj", "5"));
        int flow = fields.indexOf(List.of("flow(north)", "band", "1"));
        int n = fields.indexOf(List.of("n", "band", "1"));
        assertEquals(List.of("MARKER", "'MARKER'", "'INTORG'"), fields.get(open - 1));
        assertTrue(fields.subList(open, flow).contains(List.of("MARKER", "'MARKER'", "'INTEND'")), mps);
        assertTrue(fields.subList(flow, n).contains(List.of("MARKER", "'MARKER'", "'INTORG'")), mps);
        assertEquals(List.of("MARKER", "'MARKER'", "'INTEND'"), fields.get(n + 1));
        assertTrue(hasFields(mps, "z", "z_link", "1"), mps);
        assertTrue(hasFields(mps, "flow(north)", "z_link", "-1"), mps);

        // The objective constant 4 is the negated RHS of the objective row.
        assertTrue(hasFields(mps, "RHS", "obj", "-4"), mps);
        assertTrue(mps.contains("* objective constant 4 is written as RHS -4 of row obj"), mps);
        assertTrue(hasFields(mps, "RHS", "band", "4"), mps);
        assertTrue(hasFields(mps, "RHS", "z_link", "-15"), mps);
        assertTrue(hasFields(mps, "RHS", "disc", "300"), mps);
        assertTrue(hasFields(mps, "RNG", "band", "8"), mps);

        assertTrue(hasFields(mps, "BV", "BND", "open(north)"), mps);
        assertTrue(hasFields(mps, "UP", "BND", "flow(south_east)", "20"), mps);
        assertTrue(hasFields(mps, "UP", "BND", "n", "8"), mps);
        assertTrue(hasFields(mps, "FR", "BND", "z"), mps);

        // QUADOBJ is Q of ½ xᵀQx, one triangle: squares doubled, the cross term as is.
        assertTrue(hasFields(mps, "flow(north)", "flow(north)", "2"), mps);
        assertTrue(hasFields(mps, "flow(north)", "flow(south_east)", "3"), mps);
        assertTrue(hasFields(mps, "flow(south_east)", "flow(south_east)", "2"), mps);
        // QCMATRIX is the full symmetric Q of xᵀQx: 2·x·y splits into two entries of 1.
        int qc = mps.indexOf("QCMATRIX   disc");
        String qcmatrix = mps.substring(qc, mps.indexOf("INDICATORS"));
        assertTrue(hasFields(qcmatrix, "flow(north)", "flow(north)", "1"), qcmatrix);
        assertTrue(hasFields(qcmatrix, "flow(north)", "flow(south_east)", "1"), qcmatrix);
        assertTrue(hasFields(qcmatrix, "flow(south_east)", "flow(north)", "1"), qcmatrix);

        assertTrue(hasFields(mps, "IF", "closed_empty(north)", "open(north)", "0"), mps);
        assertTrue(hasFields(mps, "IF", "closed_empty(south_east)", "open(south_east)", "0"), mps);
        assertTrue(mps.endsWith("ENDATA\n"), mps);
    }

    @Test
    void maximisationBoundsAndUnusedColumns() {
        String mps = MpsWriter.write(GroundModel.of(dev.optagent.formulation.FormulationJson.parse("""
                {"name": "bounds test",
                 "variables": [
                   {"name": "k", "type": "integer", "lower": -3},
                   {"name": "neg", "lower": "-inf", "upper": -2},
                   {"name": "fix", "lower": 4, "upper": 4},
                   {"name": "idle"}],
                 "objective": {"sense": "maximize", "expression": "k + neg + fix"}}
                """)));
        assertTrue(mps.contains("NAME bounds_test\nOBJSENSE\n    MAX\nROWS\n"), mps);
        assertTrue(hasFields(mps, "LO", "BND", "k", "-3"), mps);
        assertTrue(hasFields(mps, "PL", "BND", "k"), "integer columns get an explicit infinite upper bound");
        assertTrue(hasFields(mps, "MI", "BND", "neg"), mps);
        assertTrue(hasFields(mps, "UP", "BND", "neg", "-2"), mps);
        assertTrue(hasFields(mps, "FX", "BND", "fix", "4"), mps);
        assertTrue(hasFields(mps, "idle", "obj", "0"), "a column without coefficients is still declared");
    }

    @Test
    void rangesThatMpsCannotHoldOnOneRowAreSplit() {
        GroundModel model = Models.twoVariables("minimize", "x",
                "[{\"name\": \"qr\", \"expression\": \"1 <= x * y <= 4\"}, {\"name\": \"ir\", \"if\": \"b == 1\", \"expression\": \"1 <= x + y <= 4\"}]");
        String mps = MpsWriter.write(model);
        assertTrue(hasFields(mps, "G", "qr_lo"), mps);
        assertTrue(hasFields(mps, "L", "qr_hi"), mps);
        assertTrue(hasFields(mps, "IF", "ir_lo", "b", "1"), mps);
        assertTrue(hasFields(mps, "IF", "ir_hi", "b", "1"), mps);
        assertFalse(mps.contains("RANGES"), mps);
        assertTrue(mps.contains("QCMATRIX   qr_lo\n") && mps.contains("QCMATRIX   qr_hi\n"), mps);
    }

    @Test
    void refusesLikeTheLpWriterButNamesMps() {
        GroundModel model = Models.twoVariables("minimize", "x", "[{\"name\": \"peak\", \"expression\": \"max(x, y) <= 3\"}]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MpsWriter.write(model));
        assertTrue(e.getMessage().startsWith("cannot write constraint peak in MPS format: it uses max of decision variables (x, y)"),
                e.getMessage());
    }
}
