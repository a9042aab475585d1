package org.pmpledger.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes}, read as the API server's types: a kind or apiVersion the
 * API does not have, or a field its type does not know (fabric8 keeps those aside, and {@link #unknownFields} finds
 * them), is an error a schema check would report.
 */
final class Manifests {

    static final Path FOLDER = Path.of("kubernetes");
    static final YAMLMapper YAML = new YAMLMapper();

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "batch/v1/Job", Job.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    /** One document of a manifest file: where it is, its text as a tree, and its typed form. */
    record Document(String file, JsonNode tree, HasMetadata resource) {

        String name() {
            return resource.getKind() + "/" + resource.getMetadata().getName() + " (" + file + ")";
        }
    }

    private Manifests() {}

    static List<Document> all() {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode tree : trees(file)) {
                    documents.add(new Document(file.getFileName().toString(), tree, typed(file, tree)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static List<JsonNode> trees(Path file) throws IOException {
        try (JsonParser parser = YAML.createParser(file.toFile());
                MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class)) {
            return documents.readAll().stream()
                    .filter(d -> !d.isNull() && !d.isEmpty())
                    .toList();
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> List<T> of(List<Document> documents, Class<T> type) {
        return documents.stream()
                .map(Document::resource)
                .filter(type::isInstance)
                .map(r -> (T) r)
                .toList();
    }

    private static HasMetadata typed(Path file, JsonNode tree) throws IOException {
        String type = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
        Class<? extends HasMetadata> kind = TYPES.get(type);
        if (kind == null) {
            throw new IllegalStateException(file + ": " + type + " is no type these manifests use");
        }
        return YAML.treeToValue(tree, kind);
    }

    /** Every field a typed manifest holds aside because its type has no such field, as a path. */
    static List<String> unknownFields(Object resource) {
        List<String> unknown = new ArrayList<>();
        walk("$", resource, unknown);
        return unknown;
    }

    private static void walk(String path, Object value, List<String> unknown) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(path + "." + key, item, unknown));
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                walk(path + "." + property(getter), property, unknown);
            }
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object value) {
        try {
            return getter.invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " of " + value.getClass(), e);
        }
    }
}
