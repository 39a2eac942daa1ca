package dev.optagent.workflow.optoprime;

import dev.optagent.agent.prompt.CopiedText;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.WorkflowException;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;
import dev.optagent.workflow.param.ParameterType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates an optimizer's suggestion before any use: the name must be a trainable parameter (matched
 * loosely: {@code repair_rounds}, {@code `repair.rounds`}), the value must read as its type and keep its
 * constraints (placeholders, ranges, choices), and a text must not copy a span of a training problem (eight or
 * more words in a row), so that no benchmark text leaks into a prompt. Refused entries are reported with why.
 */
public final class SuggestionCheck {

    private static final int LEAK_WORDS = 8;
    private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9]");

    public record Result(Map<String, Object> accepted, List<String> refused) {
        public Result {
            accepted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
            refused = List.copyOf(refused);
        }
    }

    private final Set<String> trainable;
    private final CopiedText problemText;

    /** @param problems the texts of the training problems the optimizer saw (for the leak check) */
    public SuggestionCheck(Collection<String> trainable, Collection<String> problems) {
        this.trainable = Set.copyOf(trainable);
        this.problemText = CopiedText.from(problems, LEAK_WORDS);
    }

    public Result check(Workflow current, Map<String, Object> suggestion) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Object> entry : suggestion.entrySet()) {
            String name = resolve(entry.getKey());
            if (name == null) {
                refused.add("'" + entry.getKey() + "' is not a trainable parameter");
                continue;
            }
            Parameter parameter = ParameterRegistry.defaults().get(name).orElseThrow();
            var value = parameter.coerce(entry.getValue());
            if (value.isEmpty()) {
                refused.add(name + ": the suggested value is not a " + parameter.type().name().toLowerCase(Locale.ROOT));
                continue;
            }
            var violation = parameter.violation(value.get());
            if (violation.isPresent()) {
                refused.add(violation.get());
                continue;
            }
            if (parameter.type() == ParameterType.TEXT && problemText.copies((String) value.get())) {
                refused.add(name + ": the text copies " + LEAK_WORDS + "+ words in a row from a training problem");
                continue;
            }
            if (!Objects.equals(current.value(name), value.get())) accepted.put(name, value.get());
        }
        try {
            current.with(accepted);
        } catch (WorkflowException e) {
            refused.addAll(e.problems());
            return new Result(Map.of(), refused);
        }
        return new Result(accepted, refused);
    }

    private String resolve(String raw) {
        String key = normal(raw);
        for (String name : trainable) if (normal(name).equals(key)) return name;
        return null;
    }

    private static String normal(String name) {
        return NOT_NAME.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
