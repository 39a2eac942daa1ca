package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where a library's content comes from: the training set (file and task ids, never problem text), the model, the date,
 * and whether its effect was measured (an unmeasured library is never shipped as if it were).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String trainingSet, List<String> trainingIds, String model, String date, boolean measured, String note) {

    public Provenance {
        trainingIds = trainingIds == null ? List.of() : List.copyOf(trainingIds);
    }

    public static Provenance unmeasured(String note) {
        return new Provenance(null, List.of(), null, null, false, note);
    }
}
