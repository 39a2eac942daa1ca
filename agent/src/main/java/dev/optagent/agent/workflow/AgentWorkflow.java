package dev.optagent.agent.workflow;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.check.FindingPolicy;
import dev.optagent.agent.prompt.PromptSource;

import java.util.Objects;

/**
 * What a workflow (a file made by the {@code workflow} module, or by hand) sets in the agent: the knobs, the
 * prompt texts and which checks are errors, plus the name and checksum that traces and run records carry.
 * The agent knows nothing about how a workflow was made or trained.
 *
 * @param checksum content checksum of the workflow file's parameter values (sha-256, hex)
 */
public record AgentWorkflow(String name, String checksum, AgentConfig config, PromptSource prompts, FindingPolicy findings) {

    public AgentWorkflow {
        Objects.requireNonNull(name);
        Objects.requireNonNull(checksum);
        Objects.requireNonNull(config);
        Objects.requireNonNull(prompts);
        Objects.requireNonNull(findings);
    }

    /** {@code name@checksum12}: how a trace names the workflow. */
    public String label() {
        return name + "@" + checksum.substring(0, Math.min(12, checksum.length()));
    }
}
