package dev.optagent.agent.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbers stated in a problem text: "1,200", "3.5", "15%" (also read as 0.15), "$40". */
final class ProblemNumbers {

    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|\\.\\d+)(\\s*%)?");

    private ProblemNumbers() {
    }

    /** A stated number and the values that count as "using" it. */
    record Stated(String text, List<Double> readings) { }

    static List<Stated> in(String problem) {
        List<Stated> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(problem);
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(1).replace(",", ""));
            List<Double> readings = new ArrayList<>(List.of(value));
            if (matcher.group(2) != null) readings.add(value / 100);
            numbers.add(new Stated(matcher.group().strip(), readings));
        }
        return numbers;
    }
}
