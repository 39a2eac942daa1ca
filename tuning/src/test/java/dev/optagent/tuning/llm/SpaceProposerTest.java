package dev.optagent.tuning.llm;

import dev.optagent.tuning.space.CategoricalParameter;
import dev.optagent.tuning.space.FloatParameter;
import dev.optagent.tuning.space.IntParameter;
import dev.optagent.tuning.study.Direction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpaceProposerTest {

    /** Replies in order, recording each prompt. */
    private static ChatCall replies(List<String> prompts, String... texts) {
        int[] next = {0};
        return (system, user) -> {
            prompts.add(user);
            return new ChatCall.Reply(texts[next[0]++], 10, 20);
        };
    }

    @Test
    void aWholeProposalIsReadTolerantlyInOneCall() {
        List<String> prompts = new ArrayList<>();
        var proposal = new SpaceProposer(replies(prompts, """
                Here is a space.
                ```json
                {'subject': 'a gradient-boosted model', 'metric': 'validation AUC', 'direction': 'maximise',
                 'parameters': [{'name': 'eta', 'type': 'continuous', 'range': [0.001, 0.3], 'scale': 'log', 'meaning': 'learning rate'},
                                {'name': 'depth', 'type': 'integer', 'min': '2', 'max': 10},
                                {'name': 'booster', 'type': 'enum', 'values': ['gbtree', 'dart']}, // the usual two
                 ]}
                ```"""), 3, 10).propose("my XGBoost model on churn data");
        assertEquals(1, proposal.exchanges().size());
        assertEquals(Direction.MAXIMIZE, proposal.description().direction());
        assertEquals("validation AUC", proposal.description().metric());
        FloatParameter eta = assertInstanceOf(FloatParameter.class, proposal.space().parameters().get(0));
        assertTrue(eta.log() && eta.low() == 0.001 && eta.high() == 0.3 && eta.description().equals("learning rate"));
        IntParameter depth = assertInstanceOf(IntParameter.class, proposal.space().parameters().get(1));
        assertEquals(2, depth.low());
        assertEquals(List.of("gbtree", "dart"), assertInstanceOf(CategoricalParameter.class, proposal.space().parameters().get(2)).choices());
        assertTrue(prompts.getFirst().contains("my XGBoost model on churn data"));
        assertEquals(SpaceProposer.PROMPT, proposal.exchanges().getFirst().prompt());
    }

    @Test
    void withinTheBudgetTheSoundPartIsKeptAndTheRestReported() {
        List<String> prompts = new ArrayList<>();
        String bad = """
                {"metric": "seconds", "direction": "minimize", "parameters": [
                  {"name": "threads", "type": "int", "low": 1, "high": 8},
                  {"name": "cache", "type": "float", "low": 0, "high": 1, "log": true},
                  {"name": "threads", "type": "int", "low": 1, "high": 4}]}""";
        var proposal = new SpaceProposer(replies(prompts, bad, bad), 2, 10).propose("my build");
        assertEquals(2, proposal.exchanges().size());
        assertEquals(List.of("threads"), proposal.space().names());
        assertEquals(2, proposal.dropped().size(), proposal.dropped().toString());
        assertTrue(proposal.dropped().get(0).contains("log scale needs low > 0"), proposal.dropped().toString());
        assertTrue(proposal.dropped().get(1).contains("declared twice"), proposal.dropped().toString());
        assertTrue(prompts.get(1).contains("log scale needs low > 0"), "the re-ask names the problems");
    }

    @Test
    void nothingUsableIsAnErrorThatKeepsTheExchanges() {
        var error = assertThrows(SpaceProposer.NoUsableSpace.class,
                () -> new SpaceProposer(replies(new ArrayList<>(), "I cannot help with that.", "Still no."), 2, 10).propose("x"));
        assertEquals(2, error.exchanges().size());
        assertTrue(error.getMessage().contains("no JSON object"), error.getMessage());
    }
}
