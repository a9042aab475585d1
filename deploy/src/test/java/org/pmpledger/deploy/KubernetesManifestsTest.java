package org.pmpledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import org.pmpledger.deploy.Manifests.Document;

/** What a production cluster needs of the manifests, and that the Kubernetes API would take them as written. */
class KubernetesManifestsTest {

    private final List<Document> documents = Manifests.all();
    private final ConfigMap config = Manifests.of(documents, ConfigMap.class).getFirst();

    @Test
    void everyDocumentIsATypeOfTheKubernetesApiWithOnlyFieldsItKnows() {
        assertThat(documents).hasSizeGreaterThanOrEqualTo(9);
        for (Document document : documents) {
            assertThat(Manifests.unknownFields(document.resource()))
                    .as(document.name())
                    .isEmpty();
            assertThat(document.resource().getMetadata().getNamespace())
                    .as(document.name())
                    .isIn("pmp-ledger", null);
        }
    }

    @Test
    void bothServicesAreDeployedWithAtLeastTwoReplicasAndRollWithoutLosingOne() {
        assertThat(deployments())
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("command-service", "query-service");
        for (Deployment deployment : deployments()) {
            assertThat(deployment.getSpec().getReplicas()).as(name(deployment)).isGreaterThanOrEqualTo(2);
            assertThat(deployment
                            .getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .as(name(deployment))
                    .isZero();
        }
    }

    @Test
    void everyServiceContainerHasStartupLivenessAndReadinessProbesOnAPortItOpens() {
        for (Deployment deployment : deployments()) {
            for (Container container : pod(deployment).getContainers()) {
                List<String> ports = container.getPorts().stream()
                        .map(ContainerPort::getName)
                        .toList();
                for (Probe probe : new Probe[] {
                    container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe()
                }) {
                    assertThat(probe).as(name(deployment)).isNotNull();
                    assertThat(probe.getHttpGet().getPath()).startsWith("/actuator/health/");
                    assertThat(ports).contains(probe.getHttpGet().getPort().getStrVal());
                }
                assertThat(container.getReadinessProbe().getHttpGet().getPath())
                        .isEqualTo("/actuator/health/readiness");
            }
        }
    }

    @Test
    void theProbesAndTheScrapeUseTheManagementPortTheServicesListenOn() {
        int managementPort = Integer.parseInt(config.getData().get("MANAGEMENT_SERVER_PORT"));
        for (Deployment deployment : deployments()) {
            Container container = pod(deployment).getContainers().getFirst();
            assertThat(container.getPorts()).as(name(deployment)).anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo("management");
                assertThat(port.getContainerPort()).isEqualTo(managementPort);
            });
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
                    .isEqualTo("management");
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/port", String.valueOf(managementPort))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
    }

    @Test
    void onlyTheMonitoringNamespaceReachesTheManagementPort() {
        NetworkPolicy policy = Manifests.of(documents, NetworkPolicy.class).getFirst();
        assertThat(policy.getSpec().getIngress())
                .filteredOn(rule -> rule.getPorts().stream()
                        .anyMatch(port -> "management".equals(port.getPort().getStrVal())))
                .singleElement()
                .satisfies(rule -> assertThat(rule.getFrom())
                        .singleElement()
                        .satisfies(
                                peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                                        .containsEntry("kubernetes.io/metadata.name", "monitoring")));
        for (Deployment deployment : deployments()) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        }
    }

    @Test
    void everyContainerHasResourceRequestsAndLimitsAndRunsUnprivileged() {
        for (PodSpec pod : pods()) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            for (Container container : containers(pod)) {
                assertThat(container.getResources().getRequests())
                        .as(container.getName())
                        .containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits())
                        .as(container.getName())
                        .containsKeys("cpu", "memory");
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                        .isFalse();
            }
        }
    }

    @Test
    void aDisruptionBudgetKeepsOneInstanceOfEachServiceAnswering() {
        List<PodDisruptionBudget> budgets = Manifests.of(documents, PodDisruptionBudget.class);
        for (Deployment deployment : deployments()) {
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(budgets).as(name(deployment)).anySatisfy(budget -> {
                assertThat(labels)
                        .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
                assertThat(budget.getSpec().getMinAvailable().getIntVal()).isGreaterThanOrEqualTo(1);
            });
        }
    }

    @Test
    void everyKubernetesServiceSelectsThePodsOfItsDeployment() {
        for (Service service : Manifests.of(documents, Service.class)) {
            assertThat(deployments())
                    .as(service.getMetadata().getName())
                    .anySatisfy(d -> assertThat(
                                    d.getSpec().getTemplate().getMetadata().getLabels())
                            .containsAllEntriesOf(service.getSpec().getSelector()));
        }
    }

    @Test
    void queryReplicasNeverExceedTheTopicsPartitions() {
        int partitions = Integer.parseInt(config.getData().get("PMP_TOPIC_PARTITIONS"));
        Deployment query = deployments().stream()
                .filter(d -> d.getMetadata().getName().equals("query-service"))
                .findFirst()
                .orElseThrow();
        assertThat(query.getSpec().getReplicas()).isLessThanOrEqualTo(partitions);
        HorizontalPodAutoscaler autoscaler = Manifests.of(documents, HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals("query-service"))
                .findFirst()
                .orElseThrow();
        assertThat(autoscaler.getSpec().getMaxReplicas()).isLessThanOrEqualTo(partitions);
    }

    @Test
    void aJobMakesTheTopicReplicatedThreeTimesAndTheDatabaseRolesFromTheSqlOfInfra() throws IOException {
        Job setup = Manifests.of(documents, Job.class).getFirst();
        String script =
                Manifests.YAML.writeValueAsString(setup.getSpec().getTemplate().getSpec());
        assertThat(script).contains("kafka-topics.sh", "--create", "--if-not-exists", "min.insync.replicas");
        assertThat(script).contains("/sql/postgres-role-passwords.sql", "/sql/postgres-query-owner.sql");
        assertThat(config.getData())
                .containsEntry("PMP_TOPIC_REPLICATION_FACTOR", "3")
                .containsEntry("PMP_TOPIC_MIN_INSYNC_REPLICAS", "2");
        assertThat(Files.exists(Manifests.FOLDER.resolve("../../infra/postgres-role-passwords.sql")))
                .isTrue();
        assertThat(Files.exists(Manifests.FOLDER.resolve("../../infra/postgres-query-owner.sql")))
                .isTrue();
    }

    @Test
    void noScriptHandsAPsqlVariableToACommandStringWhichPsqlWouldNotReplace() throws IOException {
        for (Document document : documents) {
            for (String line :
                    Manifests.YAML.writeValueAsString(document.tree()).split("\\\\n|\n")) {
                assertThat(line.contains(" -c ") && line.contains(":'"))
                        .as(document.name() + ": " + line)
                        .isFalse();
            }
        }
    }

    @Test
    void theCommandServiceCreatesTheTopicAsTheSetupJobWouldShouldItComeFirst() {
        Deployment command = deployments().stream()
                .filter(d -> d.getMetadata().getName().equals("command-service"))
                .findFirst()
                .orElseThrow();
        Map<String, String> fromConfig = new HashMap<>();
        pod(command).getContainers().getFirst().getEnv().stream()
                .filter(v -> v.getValueFrom() != null && v.getValueFrom().getConfigMapKeyRef() != null)
                .forEach(v -> fromConfig.put(
                        v.getName(), v.getValueFrom().getConfigMapKeyRef().getKey()));
        assertThat(fromConfig)
                .containsEntry("PMP_PUBLICATION_PARTITIONS", "PMP_TOPIC_PARTITIONS")
                .containsEntry("PMP_PUBLICATION_REPLICAS", "PMP_TOPIC_REPLICATION_FACTOR");
    }

    @Test
    void everyContainerOfTheServicesRunsOnAReadOnlyRootWithNoCapabilities() {
        for (Deployment deployment : deployments()) {
            for (Container container : pod(deployment).getContainers()) {
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                        .as(name(deployment))
                        .isTrue();
                assertThat(container.getSecurityContext().getCapabilities().getDrop())
                        .as(name(deployment))
                        .containsExactly("ALL");
            }
        }
    }

    @Test
    void everyConfigKeyAContainerReadsIsInTheConfigMap() {
        for (PodSpec pod : pods()) {
            for (Container container : containers(pod)) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValueFrom() != null
                            && variable.getValueFrom().getConfigMapKeyRef() != null) {
                        assertThat(config.getData())
                                .as(container.getName() + " " + variable.getName())
                                .containsKey(variable.getValueFrom()
                                        .getConfigMapKeyRef()
                                        .getKey());
                    }
                }
            }
        }
    }

    @Test
    void noManifestRunsTheLocalProfileOrKnowsOfDevelopmentTokens() throws IOException {
        for (Document document : documents) {
            String text = Manifests.YAML.writeValueAsString(document.tree());
            assertThat(text)
                    .as(document.name())
                    .doesNotContain("/dev/tokens", "local-key-dir", "PMP_LOCAL_DIR")
                    .doesNotContainPattern("(?i)profiles[._]active\\W+local");
        }
    }

    /** The pods of the Deployments and of the Job. */
    private List<PodSpec> pods() {
        return Stream.concat(
                        deployments().stream().map(KubernetesManifestsTest::pod),
                        Manifests.of(documents, Job.class).stream()
                                .map(job -> job.getSpec().getTemplate().getSpec()))
                .toList();
    }

    /** A pod's containers, its init containers included. */
    private static List<Container> containers(PodSpec pod) {
        return Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                .toList();
    }

    private List<Deployment> deployments() {
        return Manifests.of(documents, Deployment.class);
    }

    private static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static String name(Deployment deployment) {
        return deployment.getMetadata().getName();
    }
}
