package dev.optagent.app.cli;

import dev.optagent.datasets.Catalog;
import dev.optagent.datasets.CatalogEntry;
import dev.optagent.datasets.DatasetResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code optagent eval datasets}: the catalog, with where each release would be read from on this machine. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the benchmark catalog: releases, pinned sources, licences, and local availability.")
final class DatasetsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--datasets-dir", defaultValue = "${env:OPTAGENT_DATASETS:-../shared/datasets}")
    Path datasetsDir;

    @Option(names = "--cache-dir")
    Path cacheDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path cache = cacheDir != null ? cacheDir : DatasetResolver.defaultCacheDir();
        out.printf("%-28s %-20s %-14s %-12s %s%n", "DATASET", "BENCHMARK", "LICENCE", "AVAILABLE", "SOURCE");
        for (CatalogEntry entry : Catalog.builtIn().datasets()) {
            String available = entry.local() != null && Files.isRegularFile(datasetsDir.resolve(entry.local())) ? "dev split"
                    : Files.isRegularFile(cache.resolve(entry.repo()).resolve(entry.commit()).resolve(entry.path())) ? "cached"
                    : "download";
            out.printf("%-28s %-20s %-14s %-12s %s%n", entry.spec(), entry.benchmark(), entry.licence(), available, entry.source());
        }
        out.flush();
        return 0;
    }
}
