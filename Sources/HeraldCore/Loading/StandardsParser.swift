/// Reads a `standards:` mapping of `herald.yaml` or of a unit file.
enum StandardsParser {
    static func parse(_ node: YAMLNode?, file: String, problems: inout [Problem]) -> Standards {
        var standards = Standards()
        guard let node, var reader = MappingReader(node, file: file, what: "\"standards\"", problems: &problems) else { return standards }
        reader.checkKeys(allowed: Standards.keys, what: "\"standards\"")
        standards.minOwners = reader.integer("min_owners", atLeast: 1)
        standards.reviewEveryDays = reader.integer("review_every_days", atLeast: 1)
        if let names = reader.strings("platforms", example: "[x, instagram, facebook]") {
            var platforms: [Platform] = []
            for name in names.value {
                if let platform = Platform(rawValue: name.value.lowercased()) {
                    platforms.append(platform)
                } else {
                    let hint = Platform.formerNames[name.value.lowercased()].map { "write \"\($0.rawValue)\"; " } ?? ""
                    reader.report("unknown platform \"\(name.value)\": \(hint)use one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))",
                                  at: name.location, field: "platforms")
                }
            }
            standards.platforms = Located(platforms, at: names.location)
        }
        if let pattern = reader.string("handle_pattern") {
            do {
                standards.handlePattern = Located(try HandlePattern(pattern.value), at: pattern.location)
            } catch {
                reader.report("handle_pattern \"\(pattern.value)\" is not a valid regular expression (\(error)): correct it, e.g. \"^fairhaven\"",
                              at: pattern.location, field: "handle_pattern")
            }
        }
        standards.bioMustInclude = reader.strings("bio_must_include", example: "[\"Not monitored 24/7\"]")?.value ?? []
        standards.bioMustNotInclude = reader.strings("bio_must_not_include", example: "[\"Official account of\"]")?.value ?? []
        standards.requireArchiving = reader.bool("require_archiving")
        standards.requireTwoFactor = reader.bool("require_two_factor")
        standards.requireVault = reader.bool("require_vault")
        standards.requireEscalationContact = reader.bool("require_escalation_contact")
        standards.trainingEveryDays = reader.integer("training_every_days", atLeast: 1)
        standards.dormantAfterDays = reader.integer("dormant_after_days", atLeast: 1)
        standards.maxWaiverDays = reader.integer("max_waiver_days", atLeast: 1)
        if let limits = reader.node("bio_max_length"), var limitsReader = MappingReader(limits, file: file, what: "\"bio_max_length\"", problems: &problems) {
            let names = Platform.allCases.map(\.rawValue)
            limitsReader.checkKeys(allowed: names, what: "\"bio_max_length\" (platform: characters)")
            for platform in Platform.allCases {
                if let limit = limitsReader.integer(platform.rawValue, atLeast: 1) { standards.bioMaxLength[platform] = limit }
            }
            problems += limitsReader.problems
        }
        problems += reader.problems
        return standards
    }
}
