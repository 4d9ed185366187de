package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a back-test tries: a whole rule file (a mapping with {@code rules:}), or one rule pasted
 * alone (a mapping with {@code id:}, or a list of such rules, as they stand under {@code rules:}).
 * A rule pasted alone may bring a {@code groups:} map of its own; the groups it names but does not
 * define are those of the rules in force. It is compared with the rule of the same id in force,
 * the other rules left aside (a new id is compared with nothing).
 *
 * @param rules the compiled candidate
 * @param ruleIds the ids of the rules pasted alone; null for a whole rule file
 */
public record Candidate(RuleSet rules, List<String> ruleIds) {

    private static final TypeReference<Map<String, List<String>>> GROUPS = new TypeReference<>() {
    };

    /**
     * @param inForce the rules in force, whose groups a rule pasted alone may name
     * @throws RuleFileException naming the line (where known) and the problem
     */
    public static Candidate compile(byte[] yaml, RuleSet inForce, String origin) {
        JsonNode tree;
        try {
            tree = RuleSet.YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw RuleSet.yamlError(e, origin);
        } catch (IOException e) {
            throw new RuleFileException(origin + ": " + e.getMessage(), e);
        }
        if (isRule(tree)) {
            return alone(List.of(tree), yaml, inForce, origin);
        }
        if (tree != null && tree.isArray() && !tree.isEmpty()) {
            List<JsonNode> rules = new ArrayList<>();
            tree.forEach(rules::add);
            if (rules.stream().allMatch(Candidate::isRule)) {
                return alone(rules, yaml, inForce, origin);
            }
        }
        return new Candidate(RuleSet.compile(yaml, origin), null);
    }

    /** Whether a candidate is one rule (or a few) pasted alone rather than a rule file. */
    public boolean isRulesAlone() {
        return ruleIds != null;
    }

    private static boolean isRule(JsonNode node) {
        return node != null && node.isObject() && node.has("id") && !node.has("rules");
    }

    private static Candidate alone(List<JsonNode> ruleNodes, byte[] yaml, RuleSet inForce, String origin) {
        Map<String, List<String>> groups = new LinkedHashMap<>(inForce.groups());
        List<RuleFile.RuleSpec> specs = new ArrayList<>();
        for (JsonNode node : ruleNodes) {
            ObjectNode rule = ((ObjectNode) node).deepCopy();
            JsonNode own = rule.remove("groups");
            try {
                if (own != null && !own.isNull()) {
                    groups.putAll(RuleSet.YAML.convertValue(own, GROUPS));
                }
                specs.add(RuleSet.YAML.treeToValue(rule, RuleFile.RuleSpec.class));
            } catch (JsonProcessingException e) {
                throw RuleSet.yamlError(e, origin + " (rule '" + rule.path("id").asText() + "')");
            } catch (IllegalArgumentException e) {
                throw new RuleFileException(origin + " (rule '" + rule.path("id").asText() + "'): groups: "
                        + (e.getCause() instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), e);
            }
        }
        RuleSet rules = RuleSet.compile(new RuleFile(groups, specs), yaml, origin);
        return new Candidate(rules, rules.ruleIds());
    }
}
