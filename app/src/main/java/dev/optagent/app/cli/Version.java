package dev.optagent.app.cli;

import picocli.CommandLine;

final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        String commit = System.getenv("OPTAGENT_GIT_COMMIT");
        return new String[] {"optagent " + (version == null ? "development build" : version) + (commit == null || commit.isBlank() ? "" : " (" + commit + ")"),
                "Java " + Runtime.version()};
    }
}
