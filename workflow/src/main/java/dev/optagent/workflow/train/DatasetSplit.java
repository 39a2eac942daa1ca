package dev.optagent.workflow.train;

import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.Problem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The fixed, seeded train / validation / test parts of a dataset. Rule: rank the problems by the first 8 bytes
 * of SHA-256("optagent-split/SEED/ID") (unsigned), then the first {@code train} ids are the training part, the
 * next {@code validation} the validation part, the rest the test part. The rule reads only ids, so the parts are
 * the same on every machine and in every run; docs/workflow.md lists them.
 */
public record DatasetSplit(long seed, int train, int validation) {

    public static final DatasetSplit DEVELOPMENT = new DatasetSplit(11, 60, 30);

    public enum Part { TRAIN, VAL, TEST }

    public DatasetSplit {
        if (train < 1 || validation < 1) throw new IllegalArgumentException("a split needs at least one training and one validation problem");
    }

    public List<String> ids(Dataset dataset, Part part) {
        List<String> ranked = dataset.problems().stream().map(Problem::id).sorted(Comparator.comparing(this::rank)).toList();
        if (ranked.size() < train + validation + 1) {
            throw new IllegalArgumentException(dataset.name() + " has " + ranked.size() + " problems; the split needs more than "
                    + (train + validation));
        }
        return switch (part) {
            case TRAIN -> ranked.subList(0, train);
            case VAL -> ranked.subList(train, train + validation);
            case TEST -> ranked.subList(train + validation, ranked.size());
        };
    }

    /** The dataset restricted to one part (problems in file order). */
    public Dataset part(Dataset dataset, Part part) {
        var ids = java.util.Set.copyOf(ids(dataset, part));
        return new Dataset(dataset.name() + "#" + part.name().toLowerCase(Locale.ROOT),
                dataset.problems().stream().filter(p -> ids.contains(p.id())).toList(), dataset.errors(), dataset.origin());
    }

    public static Part part(String name) {
        try {
            return Part.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a dataset part is train, val or test, not '" + name + "'");
        }
    }

    /** Unsigned rank key of an id under this seed (hex, so it sorts as the unsigned number). */
    String rank(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("optagent-split/" + seed + "/" + id).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
