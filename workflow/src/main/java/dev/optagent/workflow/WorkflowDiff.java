package dev.optagent.workflow;

import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;
import dev.optagent.workflow.param.ParameterType;

import java.util.ArrayList;
import java.util.List;

/** What changed between two workflows: knobs as {@code old → new}, prompt texts as a line diff. */
public final class WorkflowDiff {

    private WorkflowDiff() {
    }

    /** One entry per changed parameter, in registry order; empty when the values are the same. */
    public static List<String> between(Workflow before, Workflow after) {
        List<String> out = new ArrayList<>();
        for (String name : after.changedFrom(before)) {
            Parameter parameter = ParameterRegistry.defaults().get(name).orElseThrow();
            if (parameter.type() == ParameterType.TEXT) {
                StringBuilder text = new StringBuilder(name + " (" + parameter.prompt() + " " + parameter.part() + "):");
                for (String line : LineDiff.diff((String) before.value(name), (String) after.value(name))) text.append("\n    ").append(line);
                out.add(text.toString());
            } else {
                out.add(name + ": " + before.value(name) + " → " + after.value(name));
            }
        }
        return out;
    }

    public static String describe(Workflow before, Workflow after) {
        List<String> changes = between(before, after);
        return changes.isEmpty() ? "no parameter differs" : String.join("\n", changes);
    }
}
