package dev.optagent.formulation.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportNamesTest {

    @Test
    void sanitisesToCharactersEveryReaderAccepts() {
        assertEquals("supply_limit(seattle)", ExportNames.sanitize("supply_limit[seattle]"));
        assertEquals("ship(san_diego,new_york)", ExportNames.sanitize("ship[san-diego,new-york]"));
        assertEquals("flow((a,b))", ExportNames.sanitize("flow[(a,b)]"));
        assertEquals("c_1", ExportNames.sanitize("c#1"));
        assertEquals("x_y_z_", ExportNames.sanitize("x y:z*"));
        assertEquals("caf_", ExportNames.sanitize("café"));
    }

    @Test
    void avoidsLeadingDigitsExponentsAndKeywords() {
        assertEquals("_3x", ExportNames.sanitize("3x"));
        assertEquals("_.5", ExportNames.sanitize(".5"));
        assertEquals("_e", ExportNames.sanitize("e"));
        assertEquals("_e12", ExportNames.sanitize("e12"));
        assertEquals("_Eels", ExportNames.sanitize("Eels"));
        assertEquals("emission", ExportNames.sanitize("emission"));
        assertEquals("free_", ExportNames.sanitize("free"));
        assertEquals("ST_", ExportNames.sanitize("ST"));
        assertEquals("End_", ExportNames.sanitize("End"));
        assertEquals("_", ExportNames.sanitize(""));
    }

    @Test
    void namesAreUniqueDeterministicAndRenamesAreRecorded() {
        ExportNames names = new ExportNames();
        assertEquals("obj", names.reserve("obj"));
        assertEquals("obj~2", names.name("obj"));
        assertEquals("cap(a_b)", names.name("cap[a-b]"));
        assertEquals("cap(a_b)~2", names.name("cap[a b]"));
        assertEquals("cap(a_b)~3", names.name("cap[a+b]"));
        assertEquals("cap(c)", names.name("cap[c]"));
        assertEquals(List.of(new ExportNames.Rename("obj", "obj~2"), new ExportNames.Rename("cap[a-b]", "cap(a_b)"),
                new ExportNames.Rename("cap[a b]", "cap(a_b)~2"), new ExportNames.Rename("cap[a+b]", "cap(a_b)~3")), names.renames());
    }

    @Test
    void longLabelsAreCutWithRoomForASuffix() {
        String longLabel = "x".repeat(400);
        ExportNames names = new ExportNames();
        String first = names.name(longLabel);
        String second = names.name(longLabel + "y");
        assertTrue(first.length() <= ExportNames.MAX_LENGTH && second.length() <= ExportNames.MAX_LENGTH, second);
        assertEquals(first + "~2", second);
    }
}
