package dev.optagent.datasets;

import java.util.List;

/**
 * Problems read from one file, with the lines that could not be read (file and line named; the rest of the
 * file is still used).
 */
public record Dataset(String name, List<Problem> problems, List<String> errors) {

    public Dataset {
        problems = List.copyOf(problems);
        errors = List.copyOf(errors);
    }
}
