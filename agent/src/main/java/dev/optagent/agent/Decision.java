package dev.optagent.agent;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One decision of the answer in the problem's words: {@code ship[seattle,chicago]}, "cases shipped", 300, "cases". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String variable, String description, double value, String unit) { }
