package dev.optagent.formulation.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadableNumberTest {

    @Test
    void numbersForPeopleHaveSixSignificantDigitsAndNoTrailingZeros() {
        assertEquals("2.5", ReadableNumber.of(2.5));
        assertEquals("87", ReadableNumber.of(87.0000000001));
        assertEquals("325", ReadableNumber.of(325.00000000000006));
        assertEquals("-3", ReadableNumber.of(-3));
        assertEquals("1234.57", ReadableNumber.of(1234.5678));
        assertEquals("0.333333", ReadableNumber.of(1.0 / 3));
        assertEquals("0.00125", ReadableNumber.of(0.00125));
        assertEquals("1.5E-7", ReadableNumber.of(1.5e-7));
        assertEquals("1.23457E+15", ReadableNumber.of(1234567890123456.7));
        assertEquals("NaN", ReadableNumber.of(Double.NaN));
        assertEquals("327.6596", ReadableNumber.of(327.6596, 10));
        assertEquals("327.66", ReadableNumber.of(327.6596));
    }
}
