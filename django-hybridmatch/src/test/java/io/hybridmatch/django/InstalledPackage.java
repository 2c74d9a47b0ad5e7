package io.hybridmatch.django;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The package as a Django project gets it: {@code pip install} into a virtual environment that sees Debian's Django
 * and Celery, with no package index (nothing is downloaded: the dependencies are found, the build backend is
 * Debian's setuptools).
 */
final class InstalledPackage {

    static final Path VENV = PythonCommand.MODULE.resolve("target/venv");
    private static boolean installed;

    private InstalledPackage() {
    }

    static synchronized Path python() throws Exception {
        if (!installed) {
            removeBuildLeftovers();
            new PythonCommand(PythonCommand.MODULE, List.of(PythonCommand.PYTHON.toString(), "-m", "venv", "--clear",
                    "--system-site-packages", VENV.toString()), Map.of(), Duration.ofMinutes(2)).succeeds();
            new PythonCommand(PythonCommand.MODULE, List.of(VENV.resolve("bin/pip").toString(), "install", "--no-index",
                    "--no-build-isolation", "--no-cache-dir", "."), Map.of(), Duration.ofMinutes(3)).succeeds();
            removeBuildLeftovers();
            installed = true;
        }
        return VENV.resolve("bin/python");
    }

    /** setuptools builds in the source folder and reuses a build/ newer than the sources: stale files would be installed. */
    private static void removeBuildLeftovers() throws IOException {
        Directories.delete(PythonCommand.MODULE.resolve("build"));
        Directories.delete(PythonCommand.MODULE.resolve("django_hybridmatch.egg-info"));
    }
}
