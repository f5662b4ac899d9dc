/// Reads the organisation files: `herald.yaml`, `people.yaml` and one unit file. Their problems are fatal
/// to the audit (collected by the caller), so each parser returns what it could read plus its problems.
enum OrganisationParser {
    static let settings = InventoryFormat.settings(ruleIDs: [])

    static func parse(_ bytes: [UInt8], file: String, knownRules: Set<String>, problems: inout [Problem], secrets: inout SecretScanner.Found) -> Organisation {
        let start = problems.count
        defer { Problem.cap(&problems, from: start) }
        var organisation = Organisation(name: "")
        guard let node = document(bytes, file: file, what: "herald.yaml", problems: &problems, secrets: &secrets),
              var reader = MappingReader(node, file: file, what: "herald.yaml", problems: &problems) else { return organisation }
        reader.checkKeys(allowed: settings.keys, required: settings.requiredKeys, what: "herald.yaml")
        organisation.name = reader.string("organisation")?.value ?? ""
        organisation.officialDomains = reader.strings("official_domains", example: "[fairhaven.gov]")?.value.map { $0.value.lowercased() } ?? []
        organisation.standards = StandardsParser.parse(reader.node("standards"), file: file, problems: &problems)
        organisation.reviewsFromGit = reader.bool("reviews_from_git")?.value ?? false
        organisation.impostorFollowUpDays = reader.integer("impostor_follow_up_days", atLeast: 1)?.value ?? 30
        organisation.codeHost = reader.choice("code_host")?.value
        organisation.registryOwners = reader.strings("registry_owners", example: "[jdoe, asmith]")?.value ?? []
        if let publish = reader.node("publish"), var publishReader = MappingReader(publish, file: file, what: "\"publish\"", problems: &problems) {
            publishReader.checkKeys(allowed: PublishSettings.keys, what: "\"publish\"")
            if let statuses = publishReader.strings("statuses", example: "[active]") {
                organisation.publish.statuses = statuses.value.compactMap { status in
                    guard let value = AccountStatus(rawValue: status.value) else {
                        publishReader.report("status \"\(status.value)\" is not one of \(AccountStatus.allCases.map(\.rawValue).joined(separator: ", "))", at: status.location, field: "statuses")
                        return nil
                    }
                    return value
                }
            }
            if let rules = publishReader.strings("blocking_rules", example: "[handle-syntax, url-matches-handle]") {
                organisation.publish.blockingRules = rules.value.compactMap { rule in
                    guard knownRules.contains(rule.value) else {
                        publishReader.report("\"\(rule.value)\" is not a rule: `herald rules` lists them", at: rule.location, field: "blocking_rules")
                        return nil
                    }
                    return rule.value
                }
            }
            organisation.publish.advice = publishReader.string("advice")?.value
            problems += publishReader.problems
        }
        if let rules = reader.node("rules"), var rulesReader = MappingReader(rules, file: file, what: "\"rules\"", problems: &problems) {
            rulesReader.checkKeys(allowed: knownRules.sorted(), what: "\"rules\"")
            for id in knownRules.sorted() {
                guard let value = rulesReader.string(id) else { continue }
                if let setting = RuleSetting(rawValue: value.value) {
                    organisation.ruleSettings[id] = Located(setting, at: value.location)
                } else {
                    rulesReader.report("rule \(id) is set to \"\(value.value)\": use error, warning or off", at: value.location, field: id)
                }
            }
            problems += rulesReader.problems
        }
        problems += reader.problems
        return organisation
    }

    static func parsePeople(_ bytes: [UInt8], file: String, problems: inout [Problem], secrets: inout SecretScanner.Found) -> [Person] {
        let start = problems.count
        defer { Problem.cap(&problems, from: start) }
        guard let node = document(bytes, file: file, what: "people.yaml", problems: &problems, secrets: &secrets) else { return [] }
        guard case let .sequence(list, _) = node else {
            problems.append(Problem(file: file, location: node.location,
                                    message: "people.yaml must be a list of people, each starting with `- id: ...`"))
            return []
        }
        var people: [Person] = []
        for entry in list {
            guard var reader = MappingReader(entry, file: file, what: "each person", problems: &problems) else { continue }
            reader.checkKeys(allowed: Person.keys, required: Person.requiredKeys, what: "a person")
            let id = reader.string("id")
            let name = reader.string("name")
            let email = reader.string("email")
            if let email, !isPlausibleEmail(email.value) {
                reader.report("\"\(email.value)\" is not an e-mail address: write it as name@domain", at: email.location, field: "email")
            }
            let unit = reader.string("unit")
            let active = reader.bool("active")?.value ?? true
            let acknowledged = reader.date("policy_acknowledged")
            let github = reader.string("github")?.value, gitlab = reader.string("gitlab")?.value
            problems += reader.problems
            if let id, let name {
                var person = Person(id: id.value, name: name.value, email: email?.value, unit: unit?.value, active: active,
                                    policyAcknowledged: acknowledged, location: id.location, emailLocation: email?.location)
                // A user name as people copy it from a profile: without the `@`.
                person.github = github.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
                person.gitlab = gitlab.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
                people.append(person)
            }
        }
        return people
    }

    /// `impostors.yaml`: a list of reported impostors. Each entry needs a platform, a handle or a url, the
    /// date it was reported and its status.
    static func parseImpostors(_ bytes: [UInt8], file: String, problems: inout [Problem], secrets: inout SecretScanner.Found) -> [Impostor] {
        let start = problems.count
        defer { Problem.cap(&problems, from: start) }
        guard let node = document(bytes, file: file, what: "impostors.yaml", problems: &problems, secrets: &secrets) else { return [] }
        if node.isNull { return [] }
        guard case let .sequence(list, _) = node else {
            problems.append(Problem(file: file, location: node.location,
                                    message: "impostors.yaml must be a list of reported accounts, each starting with `- platform: ...`"))
            return []
        }
        var impostors: [Impostor] = []
        for entry in list {
            guard var reader = MappingReader(entry, file: file, what: "each impostor", problems: &problems) else { continue }
            reader.checkKeys(allowed: Impostor.keys, required: InventoryFormat.impostor.requiredKeys, what: "an impostor")
            var impostor = Impostor(location: entry.location)
            impostor.platform = reader.choice("platform")
            impostor.handle = reader.string("handle")
            impostor.url = reader.string("url")
            impostor.reported = reader.date("reported")
            impostor.reportedTo = reader.string("reported_to")?.value
            impostor.caseID = reader.string("case", asShown: true)?.value
            impostor.status = reader.choice("status")
            impostor.impersonates = reader.string("impersonates")?.value
            _ = reader.string("notes")
            if impostor.handle == nil && impostor.url == nil {
                reader.report("an impostor needs the handle or the url of the account: add `handle: ...` or `url: https://...`", at: entry.location, field: "handle")
            } else if impostor.platform != nil && impostor.identityKeys.isEmpty {
                // An entry no lookup can find would be listed without ever answering anyone.
                reader.report("neither the handle nor the url names an account the platform could have: copy them from the impostor's profile page (the url as https://…)",
                              at: impostor.place, field: impostor.handle == nil ? "url" : "handle")
            }
            problems += reader.problems
            impostors.append(impostor)
        }
        return impostors
    }

    static func parseUnit(_ bytes: [UInt8], file: String, fileStem: String, problems: inout [Problem], secrets: inout SecretScanner.Found) -> Unit? {
        let start = problems.count
        defer { Problem.cap(&problems, from: start) }
        guard let node = document(bytes, file: file, what: "a unit file", problems: &problems, secrets: &secrets),
              var reader = MappingReader(node, file: file, what: "a unit file", problems: &problems) else { return nil }
        reader.checkKeys(allowed: Unit.keys, required: Unit.requiredKeys, what: "a unit file")
        let id = reader.string("id")
        if let id, id.value != fileStem {
            reader.report("id \"\(id.value)\" does not match the file name: rename the file to \(id.value).yaml or set id: \(fileStem)", at: id.location, field: "id")
        }
        let name = reader.string("name")
        let aliases = reader.strings("aliases", example: "[Public Health, DPH]")?.value.map(\.value) ?? []
        let parent = reader.string("parent")
        let maintainers = reader.strings("maintainers", example: "[jdoe]")
        let escalation = reader.string("escalation")
        let standards = StandardsParser.parse(reader.node("standards"), file: file, problems: &problems)
        problems += reader.problems
        guard let id, let name else { return nil }
        return Unit(id: id.value, name: name.value, aliases: aliases, parent: parent, maintainers: maintainers?.value ?? [],
                    maintainersLocation: maintainers?.location ?? reader.location, standards: standards, escalation: escalation, file: file)
    }

    private static func document(_ bytes: [UInt8], file: String, what: String, problems: inout [Problem], secrets: inout SecretScanner.Found) -> YAMLNode? {
        switch YAMLText.parse(bytes, file: file) {
        case let .failure(problem):
            problems.append(problem)
        case let .success(parsed) where parsed.node == nil:
            problems.append(Problem(file: file, location: .startOfFile, message: "\(what) is empty: see docs/inventory-format.md for what it holds"))
        case let .success(parsed):
            problems += parsed.problems
            return SecretScanner.scan(parsed.node!, suspects: &secrets.suspects, withheld: &secrets.withheld) ?? parsed.node!
        }
        return nil
    }

    /// One `@` with text before it and a dot after it, no spaces: a typo check, not RFC 5322.
    private static func isPlausibleEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        return bytes[(at + 1)...].contains(UInt8(ascii: ".")) && !bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }
}
