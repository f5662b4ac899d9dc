import Foundation
import HeraldCore

/// JSON Schema (draft-07, what the YAML language server of VS Code and JetBrains' IDEs read) for each
/// kind of registry file, written from ``InventoryFormat``: the keys, their kinds, which are required, and
/// their meanings as hover help. A schema describes a file after YAML 1.2's core schema has typed its
/// scalars (an editor's view), so Herald's "any scalar is text" is `string`, `number` or `boolean` here.
///
/// What a schema of one file cannot see is left to `herald check`: whether a unit, person or rule id
/// exists, a file's name and folder, secrets, and every rule.
public enum InventorySchema {
    /// One schema file: its name (`account.schema.json`) and the files it describes, as a glob relative
    /// to the inventory folder (`accounts/**/*.yaml`).
    public struct File {
        public let name: String
        public let glob: String
        public let title: String
        let root: [String: Any]
    }

    /// The five schemas, in a fixed order. `ruleIDs` are the rules `herald.yaml`'s `rules:` may name.
    public static func files(ruleIDs: [String]) -> [File] {
        [
            File(name: "account.schema.json", glob: "accounts/**/*.yaml", title: "A Herald account file (inventory format 1)",
                 root: mapping(InventoryFormat.account)),
            File(name: "herald.schema.json", glob: "herald.yaml", title: "Herald's herald.yaml: the organisation's policy (inventory format 1)",
                 root: mapping(InventoryFormat.settings(ruleIDs: ruleIDs))),
            File(name: "people.schema.json", glob: "people.yaml", title: "Herald's people.yaml: the people directory (inventory format 1)",
                 root: ["type": ["array", "null"], "items": mapping(InventoryFormat.person)]),
            File(name: "unit.schema.json", glob: "units/*.yaml", title: "A Herald unit file (inventory format 1)",
                 root: mapping(InventoryFormat.unit)),
            File(name: "impostors.schema.json", glob: "impostors.yaml", title: "Herald's impostors.yaml: the impostor register (inventory format 1)",
                 root: ["type": ["array", "null"], "items": mapping(InventoryFormat.impostor)]),
        ]
    }

    /// The schema as JSON text: keys sorted, two-space indents, a final line break (the same bytes for
    /// the same Herald).
    public static func text(of file: File) -> String {
        var root = file.root
        root["$schema"] = "http://json-schema.org/draft-07/schema#"
        root["title"] = file.title
        // JSONSerialization: Foundation's writer, deterministic with sorted keys; nothing here needs speed.
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func mapping(_ fields: [Field]) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in fields {
            var schema = kind(field.kind, nullable: !field.required)
            schema["description"] = field.meaning.replacingOccurrences(of: "`", with: "")
            schema["markdownDescription"] = field.meaning
            properties[field.key] = schema
        }
        var result: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        if !fields.requiredKeys.isEmpty { result["required"] = fields.requiredKeys }
        return result
    }

    /// A key's schema. `nullable`: an optional key may be written with no value, which Herald reads as
    /// not set.
    private static func kind(_ kind: Field.Kind, nullable: Bool) -> [String: Any] {
        func types(_ names: [String]) -> Any {
            if nullable { return names + ["null"] }
            return names.count == 1 ? names[0] as Any : names as Any
        }
        switch kind {
        case .text:
            return ["type": types(["string", "number", "boolean"])]
        case .date:
            return ["type": types(["string"]), "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        case .boolean:
            return ["type": types(["boolean"])]
        case let .wholeNumber(minimum):
            return ["type": types(["integer"]), "minimum": minimum]
        case let .choice(values):
            // The values for completion; Herald also accepts them in any letter case.
            var choices: [[String: Any]] = [["enum": values], ["type": "string", "pattern": "^(" + values.map(anyCase).joined(separator: "|") + ")$"]]
            if nullable { choices.append(["type": "null"]) }
            return ["anyOf": choices]
        case let .list(item):
            return ["type": types(["array"]), "items": self.kind(item, nullable: false)]
        case let .mapping(fields):
            var result = mapping(fields)
            result["type"] = types(["object"])
            return result
        case let .listOf(fields):
            return ["type": types(["array"]), "items": mapping(fields)]
        case let .keyed(keys, value):
            return ["type": types(["object"]), "propertyNames": ["enum": keys], "additionalProperties": self.kind(value, nullable: true)]
        }
    }

    /// `x` as `[xX]`: a letter in either case (JSON Schema's patterns have no flag for it).
    private static func anyCase(_ value: String) -> String {
        value.map { character in
            let lower = character.lowercased(), upper = character.uppercased()
            return lower == upper ? NSRegularExpression.escapedPattern(for: String(character)) : "[\(lower)\(upper)]"
        }.joined()
    }
}
