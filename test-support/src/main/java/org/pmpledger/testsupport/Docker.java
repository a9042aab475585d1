package org.pmpledger.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here: then tests use containers, else the real local services. */
final class Docker {

    private static final boolean AVAILABLE = probe();

    private Docker() {}

    static boolean available() {
        return AVAILABLE;
    }

    private static boolean probe() {
        if (Boolean.getBoolean("pmp.test.no-docker") || System.getenv("PMP_TEST_NO_DOCKER") != null) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
