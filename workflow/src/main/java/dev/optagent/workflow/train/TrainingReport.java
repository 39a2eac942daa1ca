package dev.optagent.workflow.train;

/** {@code report.md} of a training run: per step the change (diff of prompt text and knobs), validation score and cost. */
public final class TrainingReport {

    private TrainingReport() {
    }

    public static String markdown(Checkpoint checkpoint, long spentCalls) {
        StringBuilder md = new StringBuilder("# Workflow optimization run\n\n");
        md.append("- training problems: ").append(checkpoint.train().size()).append(", validation problems: ")
                .append(checkpoint.validation().size()).append(", seed ").append(checkpoint.seed()).append('\n');
        md.append("- baseline (").append(checkpoint.startWorkflow().name()).append("): ").append(checkpoint.baseline().describe()).append('\n');
        md.append("- current: ").append(checkpoint.currentScore().describe()).append(" (workflow ")
                .append(checkpoint.currentWorkflow().checksum(), 0, 12).append(")\n");
        md.append("- LLM calls spent (agent + optimizer): ").append(spentCalls).append('\n');
        if (checkpoint.stopped() != null) md.append("- stopped: ").append(checkpoint.stopped()).append('\n');
        for (StepRecord s : checkpoint.steps()) {
            md.append("\n## Step ").append(s.step()).append(" (").append(s.kind()).append(") — ")
                    .append(s.validation() == null ? "no valid change" : s.accepted() ? "accepted" : "rolled back").append("\n\n");
            if (s.batchScore() != null) md.append("- batch: ").append(s.batchScore().describe()).append('\n');
            if (s.optimizerCalls() > 0) {
                md.append("- optimizer: ").append(s.optimizerCalls()).append(" call(s), ").append(s.optimizerTokens()).append(" tokens; prompt ≈ ")
                        .append(s.promptTokens()).append(" tokens (detail level ").append(s.promptDetail()).append(", ")
                        .append(s.runsLeftOut()).append(" runs left out)\n");
            }
            if (s.answer() != null && !s.answer().isBlank()) md.append("- optimizer's answer: ").append(s.answer().strip()).append('\n');
            if (s.validation() != null) md.append("- validation: ").append(s.validation().describe()).append('\n');
            s.refused().forEach(r -> md.append("- refused: ").append(r).append('\n'));
            if (!s.changes().isEmpty()) {
                md.append("\n```diff\n");
                s.changes().forEach(c -> md.append(c).append('\n'));
                md.append("```\n");
            }
            if (s.reasoning() != null && !s.reasoning().isBlank()) {
                String r = s.reasoning().strip();
                md.append("\n> ").append((r.length() > 1200 ? r.substring(0, 1200) + " …" : r).replace("\n", "\n> ")).append('\n');
            }
        }
        return md.toString();
    }
}
