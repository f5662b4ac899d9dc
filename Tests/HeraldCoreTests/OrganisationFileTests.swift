import Foundation
import HeraldCore
import Testing

/// A broken organisation file stops the audit with one line per problem, naming file, line and column.
@Suite struct OrganisationFileTests {
    func fatalProblems(_ files: [String: String?]) throws -> [Problem] {
        let inventory = try TemporaryInventory(files)
        defer { inventory.remove() }
        do {
            _ = try inventory.load()
            Issue.record("the inventory loaded, but it should not have")
            return []
        } catch {
            return error.problems.map {
                Problem(file: String($0.file.dropFirst(inventory.root.path.count + 1)), location: $0.location, message: $0.message)
            }
        }
    }

    @Test func invalidYAMLInHeraldYAML() throws {
        let problems = try fatalProblems(["herald.yaml": "organisation: City of Fairhaven\nstandards:\n  min_owners: 2\n bad: indent\n"])
        #expect(problems.map(\.file) == ["herald.yaml"])
        #expect(problems.map(\.location) == [SourceLocation(line: 4, column: 2)])
        #expect(problems[0].message.hasPrefix("this is not valid YAML"))
    }

    @Test func parentCycle() throws {
        let problems = try fatalProblems(["units/city-hall.yaml": "id: city-hall\nname: City Hall\nparent: parks\n"])
        #expect(problems.map(\.file) == ["units/city-hall.yaml", "units/parks.yaml"])
        #expect(problems.map(\.location) == [SourceLocation(line: 3, column: 9), SourceLocation(line: 3, column: 9)])
        #expect(problems[0].message.hasPrefix("units form a cycle (city-hall → parks → city-hall)"))
    }

    @Test func unitThatIsItsOwnParent() throws {
        let problems = try fatalProblems(["units/city-hall.yaml": "id: city-hall\nname: City Hall\nparent: city-hall\n"])
        #expect(problems.map(\.description) == ["units/city-hall.yaml:3:9: units form a cycle (city-hall → city-hall): a unit cannot be its own ancestor; point one of them at another parent"])
    }

    @Test func unknownParent() throws {
        let problems = try fatalProblems(["units/parks.yaml": "id: parks\nname: Parks\nparent: city-hal\n"])
        #expect(problems.map(\.description) == ["units/parks.yaml:3:9: parent \"city-hal\" is not a unit: did you mean \"city-hall\"? name an existing unit id or remove the parent"])
    }

    @Test func invalidHandlePattern() throws {
        let problems = try fatalProblems(["units/parks.yaml": "id: parks\nname: Parks\nstandards:\n  handle_pattern: \"^(fairhaven\"\n"])
        #expect(problems.map(\.location) == [SourceLocation(line: 4, column: 19)])
        #expect(problems[0].message.hasPrefix("handle_pattern \"^(fairhaven\" is not a valid regular expression"))
    }

    @Test func patternsThatCanTakeForeverAreRefused() throws {
        for pattern in ["^(a+)+$", "(x*)*", "^(fair(haven)+)+", "(ab{1,3}){2,}"] {
            let problems = try fatalProblems(["units/parks.yaml": "id: parks\nname: Parks\nstandards:\n  handle_pattern: \"\(pattern)\"\n"])
            #expect(problems.first?.message.contains("repeats a group that itself repeats") == true, "\(pattern)")
        }
        for pattern in ["^fairhaven", "^(fair|haven)+$", "^[a-z]+(_[a-z]+)?$", "\\(a+\\)+"] {
            let inventory = try TemporaryInventory(["units/parks.yaml": "id: parks\nname: Parks\nparent: city-hall\nstandards:\n  handle_pattern: '\(pattern)'\n"])
            defer { inventory.remove() }
            #expect(throws: Never.self, "\(pattern)") { try inventory.load() }
        }
    }

    @Test func unknownRuleIDInRules() throws {
        let problems = try fatalProblems(["herald.yaml": "organisation: City of Fairhaven\nrules:\n  review-curent: error\n"])
        #expect(problems.map(\.location) == [SourceLocation(line: 3, column: 3)])
        #expect(problems[0].message.hasPrefix("unknown key \"review-curent\" in \"rules\": did you mean \"review-current\"?"))
    }

    @Test func badRuleSetting() throws {
        let problems = try fatalProblems(["herald.yaml": "organisation: City of Fairhaven\nrules:\n  review-current: loud\n"])
        #expect(problems.map(\.description) == ["herald.yaml:3:19: rule review-current is set to \"loud\": use error, warning or off"])
    }

    @Test func unitIDMustMatchFileName() throws {
        let problems = try fatalProblems(["units/parks.yaml": "id: park\nname: Parks\n"])
        #expect(problems.map(\.location) == [SourceLocation(line: 1, column: 5)])
    }

    @Test func peopleProblems() throws {
        let problems = try fatalProblems(["people.yaml": "- {id: jdoe, name: Jane Doe}\n- {id: jdoe, name: Jane Two}\n- {id: asmith, name: Alex Smith, active: maybe}\n- {id: bleft, name: Bo Left, emial: bo@fairhaven.gov}\n"])
        #expect(problems.map(\.location.line) == [2, 3, 4])
        #expect(problems[0].message.hasPrefix("person id \"jdoe\" is used twice (first on line 1)"))
        #expect(problems[1].message == "\"active\" must be true or false, not \"maybe\"")
        #expect(problems[2].message.hasPrefix("unknown key \"emial\" in a person: did you mean \"email\"?"))
    }

    @Test func missingOrganisationFiles() throws {
        let problems = try fatalProblems(["herald.yaml": nil, "people.yaml": nil])
        #expect(problems.map(\.file) == ["herald.yaml", "people.yaml"])
        #expect(problems[0].message == "herald.yaml is missing: every inventory needs it (see docs/inventory-format.md)")
    }

    @Test func effectiveStandardsInheritDownTheHierarchy() throws {
        let inventory = try TemporaryInventory([
            "units/city-hall.yaml": "id: city-hall\nname: City Hall\nstandards:\n  review_every_days: 90\n  bio_must_include: [City of Fairhaven]\n  bio_must_not_include: [Official account of]\n",
            "units/parks.yaml": "id: parks\nname: Parks\nparent: city-hall\nstandards:\n  min_owners: 3\n  bio_must_include: [Not monitored 24/7, City of Fairhaven]\n  bio_must_not_include: [DM us]\n",
        ])
        defer { inventory.remove() }
        let standards = try #require(try inventory.load().standards["parks"])
        #expect(standards.minOwners == 3 && standards.reviewEveryDays == 90)
        #expect(standards.bioMustInclude == ["City of Fairhaven", "Not monitored 24/7"])
        #expect(standards.bioMustNotInclude == ["Official account of", "DM us"])
    }
}
