package io.meshproof.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Reads a YAML text once as tokens and notes the line of every place in it, by JSON pointer. */
final class YamlPositionIndex {

    private YamlPositionIndex() {
    }

    static SourcePositions of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // the container's own place is the key that opens it, noted already; the root is line 1
                    lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
                    continue;
                }
                lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // the reader reports syntax errors with their lines; an index of what came before is enough here
        }
        return new SourcePositions(lines);
    }
}
