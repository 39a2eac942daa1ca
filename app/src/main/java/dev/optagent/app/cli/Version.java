package dev.optagent.app.cli;

import picocli.CommandLine;

final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"optagent " + (version == null ? "development build" : version)};
    }
}
