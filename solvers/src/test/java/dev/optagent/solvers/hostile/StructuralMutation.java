package dev.optagent.solvers.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One random change to a JSON tree: a field dropped, a value of another shape, an element doubled, an expression broken. */
final class StructuralMutation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StructuralMutation() {
    }

    /** A place in the tree: its parent and the key (object) or index (array) under which it sits. */
    private record Slot(JsonNode parent, String field, int index, JsonNode node) { }

    static JsonNode apply(JsonNode root, Random random) {
        List<Slot> slots = new ArrayList<>();
        collect(null, null, -1, root, slots);
        Slot slot = slots.get(random.nextInt(slots.size()));
        if (slot.parent == null) return random.nextInt(4) == 0 ? hostileValue(random) : root;
        switch (random.nextInt(5)) {
            case 0 -> remove(slot);
            case 1 -> replace(slot, hostileValue(random));
            case 2 -> {
                if (slot.parent instanceof ArrayNode array) array.insert(slot.index, slot.node.deepCopy());
                else replace(slot, hostileValue(random));
            }
            default -> replace(slot, slot.node.isTextual()
                    ? NODES.textNode(ExpressionMutation.apply(slot.node.textValue(), random)) : hostileValue(random));
        }
        return root;
    }

    private static void collect(JsonNode parent, String field, int index, JsonNode node, List<Slot> slots) {
        slots.add(new Slot(parent, field, index, node));
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) collect(object, name, -1, object.get(name), slots);
        } else if (node instanceof ArrayNode array) {
            for (int k = 0; k < array.size(); k++) collect(array, null, k, array.get(k), slots);
        }
    }

    private static void remove(Slot slot) {
        if (slot.parent instanceof ObjectNode object) object.remove(slot.field);
        else ((ArrayNode) slot.parent).remove(slot.index);
    }

    private static void replace(Slot slot, JsonNode value) {
        if (slot.parent instanceof ObjectNode object) object.set(slot.field, value);
        else ((ArrayNode) slot.parent).set(slot.index, value);
    }

    static JsonNode hostileValue(Random random) {
        return switch (random.nextInt(22)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(0);
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(1e308);
            case 5 -> NODES.numberNode(Double.MIN_VALUE);
            case 6 -> NODES.numberNode(new BigInteger("1" + "0".repeat(30)));
            case 7 -> NODES.textNode("");
            case 8 -> NODES.textNode(random.nextBoolean() ? "inf" : "nan");
            case 9 -> NODES.textNode("x");
            case 10 -> NODES.textNode("é\u0000\u202e" + "ü".repeat(random.nextInt(50)));
            case 11 -> NODES.arrayNode();
            case 12 -> NODES.objectNode();
            case 13 -> {
                JsonNode deep = NODES.arrayNode();
                for (int k = 0; k < 50 + random.nextInt(300); k++) deep = NODES.arrayNode().add(deep);
                yield deep;
            }
            case 14 -> NODES.textNode("a".repeat(10_000));
            case 15 -> NODES.arrayNode().add("a").add("b").add("a");
            case 16 -> NODES.objectNode().put("name", 3);
            case 17 -> NODES.arrayNode().add(1).add(random.nextBoolean() ? 1e9 : 1e5);
            case 18 -> NODES.numberNode(random.nextInt(2_000_000) - 1_000_000);
            case 19 -> NODES.numberNode(1e15 * (1 + random.nextInt(100)));
            case 20 -> NODES.textNode("1e308");
            default -> NODES.numberNode(random.nextDouble() * 100);
        };
    }
}
