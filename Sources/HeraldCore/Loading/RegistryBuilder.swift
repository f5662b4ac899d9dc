/// Parses inventory sources into a `Registry` and checks that the organisation files hang together:
/// unique ids, known parents, no parent cycles. Problems in organisation files throw; problems in
/// account files stay on their accounts.
public enum RegistryBuilder {
    /// - Parameter knownRules: rule ids that `herald.yaml` `rules:` may name.
    public static func build(from sources: InventorySources, knownRules: Set<String>) throws(InventoryError) -> Registry {
        // Account files do not depend on the organisation files, so both are parsed at once; a broken
        // organisation file still stops the audit before any rule runs.
        let organisationWork = BackgroundWork { organisationFiles(from: sources, knownRules: knownRules) }
        let accounts = ParallelMap.flatMap(sources.accountGroups, chunkSize: 2) { group in group.files().map(AccountReader.read) }
        let (organisation, people, units, impostors, problems, secrets) = organisationWork.result()
        guard problems.isEmpty else { throw InventoryError(problems: problems.sorted { ($0.file, $0.location) < ($1.file, $1.location) }) }
        var registry = Registry(organisation: organisation, people: people, units: units, accounts: accounts,
                                standards: effectiveStandards(units, organisation: organisation))
        registry.impostors = impostors
        registry.impostorsFile = sources.impostors?.path
        registry.organisationFiles = ([sources.organisation.path, sources.people.path] + sources.units.map(\.path) + (sources.impostors.map { [$0.path] } ?? [])).sorted()
        registry.organisationSecrets = secrets.mapValues(\.suspects)
        registry.organisationWithheld = Array(Set(secrets.values.flatMap(\.withheld))).sorted()
        return registry
    }

    private static func organisationFiles(from sources: InventorySources, knownRules: Set<String>)
        -> (Organisation, [String: Person], [String: Unit], [Impostor], [Problem], [String: SecretScanner.Found]) {
        var problems: [Problem] = []
        var secrets: [String: SecretScanner.Found] = [:]
        let organisation = OrganisationParser.parse(sources.organisation.bytes, file: sources.organisation.path, knownRules: knownRules,
                                                    problems: &problems, secrets: &secrets[sources.organisation.path, default: SecretScanner.Found()])
        let peopleList = OrganisationParser.parsePeople(sources.people.bytes, file: sources.people.path, problems: &problems,
                                                        secrets: &secrets[sources.people.path, default: SecretScanner.Found()])
        var people: [String: Person] = [:]
        for person in peopleList {
            if let first = people[person.id] {
                problems.append(Problem(file: sources.people.path, location: person.location,
                    message: "person id \"\(person.id)\" is used twice (first on line \(first.location.line)): give each person their own id"))
            } else {
                people[person.id] = person
            }
        }
        var units: [String: Unit] = [:]
        for file in sources.units {
            let stem = String(file.path.split(separator: "/").last ?? "").split(separator: ".").dropLast().joined(separator: ".")
            guard let unit = OrganisationParser.parseUnit(file.bytes, file: file.path, fileStem: stem, problems: &problems,
                                                          secrets: &secrets[file.path, default: SecretScanner.Found()]) else { continue }
            if let first = units[unit.id] {
                problems.append(Problem(file: file.path, location: .startOfFile,
                    message: "unit \"\(unit.id)\" is also defined in \(first.file): keep one of the two files"))
            } else {
                units[unit.id] = unit
            }
        }
        problems += hierarchyProblems(units)
        for person in peopleList where person.unit != nil && units[person.unit!] == nil {
            problems.append(Problem(file: sources.people.path, location: person.location,
                message: "\(person.id)'s unit \"\(person.unit!)\" has no file in units/: correct the unit or add units/\(person.unit!).yaml"))
        }
        let impostors = sources.impostors.map { file in
            OrganisationParser.parseImpostors(file.bytes, file: file.path, problems: &problems, secrets: &secrets[file.path, default: SecretScanner.Found()])
        } ?? []
        return (organisation, people, units, impostors, problems, secrets.filter { !$0.value.suspects.isEmpty })
    }

    private static func hierarchyProblems(_ units: [String: Unit]) -> [Problem] {
        var problems: [Problem] = []
        for unit in units.values.sorted(by: { $0.id < $1.id }) {
            guard let parent = unit.parent else { continue }
            guard units[parent.value] != nil else {
                let hint = KeySuggestion.closest(to: parent.value, among: units.keys.sorted()).map { "did you mean \"\($0)\"? " } ?? ""
                problems.append(Problem(file: unit.file, location: parent.location,
                    message: "parent \"\(parent.value)\" is not a unit: \(hint)name an existing unit id or remove the parent"))
                continue
            }
            var chain = [unit.id]
            var current = parent.value
            while let next = units[current] {
                if current == unit.id {
                    problems.append(Problem(file: unit.file, location: parent.location,
                        message: "units form a cycle (\((chain + [current]).joined(separator: " → "))): a unit cannot be its own ancestor; point one of them at another parent"))
                    break
                }
                if chain.contains(current) { break } // a cycle above this unit, reported on its own members
                chain.append(current)
                guard let up = next.parent?.value else { break }
                current = up
            }
        }
        return problems
    }

    private static func effectiveStandards(_ units: [String: Unit], organisation: Organisation) -> [String: EffectiveStandards] {
        let base = EffectiveStandards.builtIn.overlaid(with: organisation.standards)
        var result: [String: EffectiveStandards] = [:]
        for unit in units.values {
            var lineage: [Unit] = [unit]
            while let parent = lineage.last?.parent?.value, let next = units[parent] { lineage.append(next) }
            result[unit.id] = lineage.reversed().reduce(base) { $0.overlaid(with: $1.standards) }
        }
        return result
    }
}
