package im.tariff.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import im.tariff.i18n.Messages;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a Jackson tree, remembering the line of every node by its JSON pointer
 * (e.g. {@code /scenarios/3/expect/lines/0/amount}) so that errors can say file:line.
 * Decimals stay exact (BigDecimal); YAML dates stay text.
 */
final class YamlTree {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final Messages words;

    private YamlTree(String file, JsonNode root, Map<String, Integer> lines, Messages words) {
        this.file = file;
        this.root = root;
        this.lines = lines;
        this.words = words;
    }

    static YamlTree parse(String file, String text, Messages words) throws ScenarioFormatException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlTree(file, null, lines, words);
            }
            JsonNode root = read(p, "", lines, file, words);
            if (p.nextToken() != null) {
                throw new ScenarioFormatException(file, line(p.currentTokenLocation()),
                        words.format("scenario.twoDocuments"));
            }
            return new YamlTree(file, root, lines, words);
        } catch (JacksonException e) {
            String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new ScenarioFormatException(file, problemLine(e), words.format("scenario.badYaml", firstLine(msg)));
        } catch (IOException e) {
            throw new ScenarioFormatException(file, 0, words.format("scenario.cannotRead", e.getMessage()));
        }
    }

    /** The words in which what is wrong with the file is said. */
    Messages words() {
        return words;
    }

    private static JsonNode read(JsonParser p, String pointer, Map<String, Integer> lines, String file, Messages words)
            throws IOException, ScenarioFormatException {
        JsonToken t = p.currentToken();
        lines.putIfAbsent(pointer, line(p.currentTokenLocation()));
        switch (t) {
            case START_OBJECT: {
                ObjectNode obj = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name;
                    int keyLine = line(p.currentTokenLocation());
                    if (obj.has(name)) {
                        throw new ScenarioFormatException(file, keyLine, words.format("scenario.duplicateKey", name));
                    }
                    lines.put(child, keyLine);
                    p.nextToken();
                    obj.set(name, read(p, child, lines, file, words));
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(read(p, pointer + "/" + i++, lines, file, words));
                }
                return arr;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new ScenarioFormatException(file, line(p.currentTokenLocation()),
                        words.format("scenario.unexpectedYaml", t));
        }
    }

    /** The line where the YAML parser found the problem (not where the construct it was in began). */
    private static int problemLine(JacksonException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            return m.getProblemMark().getLine() + 1;
        }
        return line(e.getLocation());
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    /** The parser's sentences without its excerpt of the file (we give file:line ourselves). */
    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.startsWith(" in ")) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(line.trim());
        }
        return sb.toString();
    }

    String file() {
        return file;
    }

    /** The document, or null when the file is empty. */
    JsonNode root() {
        return root;
    }

    /** Line of the node at pointer, or of its closest ancestor that has one. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    ScenarioFormatException error(String pointer, String reason) {
        return new ScenarioFormatException(file, lineOf(pointer), reason);
    }
}
