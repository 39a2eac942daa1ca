package dev.optagent.formulation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormulationBuilderTest {

    private static Formulation transport() {
        return Formulation.builder("transport")
                .description("Ship cases from plants to markets at least cost (after Dantzig's classic example).")
                .set(SetDecl.of("Plants", "seattle", "san-diego"))
                .set(SetDecl.of("Markets", "new-york", "chicago", "topeka"))
                .parameter(ParameterDecl.dense("supply", "Plants", 350, 600).withUnit("cases"))
                .parameter(ParameterDecl.indexed("demand", List.of("Markets"), Map.of("new-york", 325, "chicago", 300, "topeka", 275)).withUnit("cases"))
                .parameter(ParameterDecl.indexed("dist", List.of("Plants", "Markets"), Map.of(
                        "seattle", Map.of("new-york", 2.5, "chicago", 1.7, "topeka", 1.8),
                        "san-diego", Map.of("new-york", 2.5, "chicago", 1.8, "topeka", 1.4))).withUnit("thousand miles"))
                .parameter(ParameterDecl.scalar("freight", 90).withUnit("dollars per case per thousand miles"))
                .variable(VariableDecl.of("ship", List.of("Plants", "Markets"), VariableType.CONTINUOUS).withBounds(0.0, null)
                        .withDescription("cases shipped"))
                .minimize("sum(freight * dist[p, m] / 1000 * ship[p, m] for p in Plants for m in Markets)")
                .constraint(ConstraintDecl.of("supply_limit", "p in Plants", "sum(ship[p, m] for m in Markets) <= supply[p]"))
                .constraint(ConstraintDecl.of("demand_met", "m in Markets", "sum(ship[p, m] for p in Plants) >= demand[m]"))
                .build();
    }

    /** The builder's model, written out and read back, is the JSON model: same sets, data, variables and rows. */
    @Test
    void aModelWrittenInCodeIsTheSameModelAsItsJson() throws Exception {
        Formulation built = transport();
        Formulation json = FormulationJson.parse(Files.readString(Path.of("../datasets/formulations/transport.json")));
        var fromCode = dev.optagent.formulation.ground.GroundModel.of(FormulationJson.parse(FormulationJson.write(built)));
        var fromJson = dev.optagent.formulation.ground.GroundModel.of(json);
        assertEquals(fromJson.variables(), fromCode.variables());
        assertEquals(fromJson.constraints().toString(), fromCode.constraints().toString());
        assertEquals(fromJson.objective().toString(), fromCode.objective().toString());
        assertEquals(json.sets(), built.sets());
    }

    /** The same checks as for JSON: an unknown set and a data key that is not an element are reported together. */
    @Test
    void buildValidatesAsJsonIsValidated() {
        var builder = Formulation.builder("bad")
                .set(SetDecl.of("Products", "chair", "table"))
                .parameter(ParameterDecl.indexed("profit", List.of("Product"), Map.of("chair", 3)))
                .variable(VariableDecl.of("make", List.of("Products"), VariableType.INTEGER))
                .maximize("sum(make[p] for p in Products)");
        FormulationException error = assertThrows(FormulationException.class, builder::build);
        String asJson = assertThrows(FormulationException.class, () -> dev.optagent.formulation.ground.GroundModel.of(
                FormulationJson.parse(FormulationJson.write(new Formulation("bad", null, List.of(SetDecl.of("Products", "chair", "table")),
                        List.of(ParameterDecl.indexed("profit", List.of("Product"), Map.of("chair", 3))),
                        List.of(VariableDecl.of("make", List.of("Products"), VariableType.INTEGER)),
                        Objective.maximize("sum(make[p] for p in Products)"), List.of()))))).getMessage();
        assertEquals(asJson, error.getMessage());
        assertEquals(true, error.getMessage().contains("Product"), error.getMessage());
    }
}
