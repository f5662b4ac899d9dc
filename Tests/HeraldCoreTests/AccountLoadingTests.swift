import Foundation
import HeraldCore
import Testing

/// A broken account file becomes schema problems at the exact line and column; every other account loads.
@Suite struct AccountLoadingTests {
    func problems(_ text: String, at path: String = "parks/x-fairhavenparks.yaml") throws -> [Problem] {
        let inventory = try TemporaryInventory(["accounts/" + path: text])
        defer { inventory.remove() }
        return try inventory.account(path).schemaProblems
    }

    func only(_ problems: [Problem]) throws -> (line: Int, column: Int, message: String) {
        try #require(problems.count == 1, "expected one problem, got \(problems.map(\.description))")
        return (problems[0].location.line, problems[0].location.column, problems[0].message)
    }

    @Test func aValidAccountLoadsEveryField() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        let account = try inventory.account("parks/x-fairhavenparks.yaml")
        #expect(account.schemaProblems.isEmpty)
        #expect(account.identity == "x:fairhavenparks")
        #expect(account.platform?.value == .x && account.status?.value == .active && account.folder == "parks")
        #expect(account.owners?.value.map(\.value) == ["jdoe", "asmith"])
        #expect(account.owners?.value[1].location == SourceLocation(line: 6, column: 16))
        #expect(account.lastReviewed?.value == CalendarDate("2026-10-01"))
    }

    @Test func invalidYAML() throws {
        let problem = try only(problems("platform: x\nhandle: [FairhavenParks\nunit: parks\n"))
        #expect((problem.line, problem.column) == (2, 9), "where the unclosed [ opened")
        #expect(problem.message.hasPrefix("this is not valid YAML"))
    }

    @Test func notAMapping() throws {
        let problem = try only(problems("just some words\n"))
        #expect((problem.line, problem.column) == (1, 1))
        #expect(problem.message == "an account file must be a set of `key: value` lines, but this is a single value")
    }

    @Test func emptyFile() throws {
        let problem = try only(problems(""))
        #expect((problem.line, problem.column) == (1, 1))
        #expect(problem.message.hasPrefix("the file is empty"))
    }

    @Test func unknownKeySuggestsTheKnownOne() throws {
        let problem = try only(problems(TemporaryInventory.validAccount + "archving: Smarsh\n"))
        #expect((problem.line, problem.column) == (9, 1))
        #expect(problem.message.hasPrefix("unknown key \"archving\" in an account file: did you mean \"archiving\"?"))
    }

    @Test func wrongType() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "owners: [jdoe, asmith]", with: "owners:\n  first: jdoe")
        let problem = try only(problems(text))
        #expect((problem.line, problem.column) == (7, 3))
        #expect(problem.message == "\"owners\" must be a list, like `owners: [jdoe, asmith]`")
    }

    @Test func badDate() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "2026-10-01", with: "2026-13-01")
        let problem = try only(problems(text))
        #expect((problem.line, problem.column) == (8, 16))
        #expect(problem.message.contains("is not a valid date (2026-13-01)"))
    }

    @Test func unknownPlatform() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "platform: x", with: "platform: twitter")
        let problem = try only(problems(text, at: "parks/twitter-fairhavenparks.yaml"))
        #expect((problem.line, problem.column) == (1, 11))
        #expect(problem.message.hasPrefix("unknown platform \"twitter\": write \"x\""))
    }

    @Test func missingRequiredKeyPointsAtTheMapping() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "status: active\n", with: "")
        let problem = try only(problems("# Parks on X\n" + text))
        #expect((problem.line, problem.column) == (2, 1))
        #expect(problem.message == "an account file has no \"status\": add a line `status: ...`")
    }

    @Test func fileNameMustMatchPlatformAndHandle() throws {
        let problem = try only(problems(TemporaryInventory.validAccount, at: "parks/x-parks.yaml"))
        #expect((problem.line, problem.column) == (2, 9))
        #expect(problem.message.hasPrefix("the file name does not match the platform and handle: rename the file to x-fairhavenparks.yaml"))
    }

    @Test func fileNameMatchesInAnyLetterCaseWithEitherExtension() throws {
        for name in ["x-fairhavenparks.yaml", "X-FairhavenParks.YAML", "x-fairhavenparks.yml", "x-FAIRHAVENPARKS.Yml"] {
            #expect(try problems(TemporaryInventory.validAccount, at: "parks/" + name).isEmpty, "\(name)")
        }
        for name in ["x-fairhavenparks.yaml.yml", "x-fairhavenpark.yaml", "x-fairhavenparkss.yml"] {
            #expect(try only(problems(TemporaryInventory.validAccount, at: "parks/" + name)).message.hasPrefix("the file name does not match"), "\(name)")
        }
        // Names outside ASCII are compared lower-cased as Unicode lowers them.
        let youtube = TemporaryInventory.validAccount.replacingOccurrences(of: "platform: x", with: "platform: youtube")
            .replacingOccurrences(of: "handle: FairhavenParks", with: "handle: \"@ÉcoleFairhaven\"")
            .replacingOccurrences(of: "https://x.com/FairhavenParks", with: "https://www.youtube.com/@ÉcoleFairhaven")
        #expect(try problems(youtube, at: "parks/YouTube-ÉCOLEfairhaven.yaml").filter { $0.message.contains("file name") }.isEmpty)
        #expect(try problems(youtube, at: "parks/youtube-ecolefairhaven.yaml").contains { $0.message.hasPrefix("the file name does not match") })
    }

    @Test func folderMustMatchUnit() throws {
        let problem = try only(problems(TemporaryInventory.validAccount, at: "city-hall/x-fairhavenparks.yaml"))
        #expect((problem.line, problem.column) == (4, 7))
        #expect(problem.message.hasPrefix("unit \"parks\" does not match the folder \"city-hall\""))
    }

    @Test func duplicateKey() throws {
        let problem = try only(problems(TemporaryInventory.validAccount + "bio: Another bio\n"))
        #expect((problem.line, problem.column) == (9, 1))
        #expect(problem.message == "key \"bio\" appears twice (first on line 5): keep one and delete the other")
    }

    @Test func invalidUTF8PointsAtTheByte() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        try inventory.write(Data("platform: x\nbio: caf".utf8) + Data([0xE9, 0x0A]), to: "accounts/parks/x-fairhavenparks.yaml")
        let problem = try only(inventory.account("parks/x-fairhavenparks.yaml").schemaProblems)
        #expect((problem.line, problem.column) == (2, 9))
        #expect(problem.message.hasPrefix("the file is not UTF-8 text"))
    }

    @Test func controlCharacter() throws {
        let problem = try only(problems("platform: x\nbio: \"Parks\u{07}\"\n"))
        #expect((problem.line, problem.column) == (2, 12))
        #expect(problem.message == "the file contains an invisible control character (U+0007): delete it")
    }

    @Test func severalProblemsInOneFileAreAllReported() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "status: active", with: "status: closed") + "colour: blue\n"
        let found = try problems(text)
        #expect(found.map(\.location.line).sorted() == [7, 9])
    }

    @Test func oneBrokenAccountDoesNotHideTheOthers() throws {
        let inventory = try TemporaryInventory(["accounts/parks/x-broken.yaml": "platform: [\n"])
        defer { inventory.remove() }
        let registry = try inventory.load()
        #expect(registry.accounts.count == 2)
        #expect(registry.accounts.filter { $0.schemaProblems.isEmpty }.count == 1)
    }

    @Test func anchorsAndAliasesAreResolved() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "owners: [jdoe, asmith]", with: "owners: &team [jdoe, asmith]\nname: *team")
        let problem = try only(problems(text))
        #expect((problem.line, problem.column) == (7, 7))
        #expect(problem.message == "\"name\" must be a single text value, but this is a list")
    }

    @Test func anAliasWithoutAnchor() throws {
        let problem = try only(problems("platform: x\nhandle: *nowhere\n"))
        #expect((problem.line, problem.column) == (2, 9))
        #expect(problem.message.hasPrefix("this is not valid YAML (the alias *nowhere names no anchor &nowhere above it)"))
    }

    @Test func aSecondDocumentIsOneFindingAndTheFirstIsStillRead() throws {
        let problem = try only(problems(TemporaryInventory.validAccount + "---\nplatform: x\n"))
        #expect((problem.line, problem.column) == (9, 1))
        #expect(problem.message.hasPrefix("a second YAML document starts here (after `---`) and is not read"))
        // A file that ends with `---` (an empty second document) is harmless.
        #expect(try problems(TemporaryInventory.validAccount + "---\n").isEmpty)
        #expect(try problems("---\n" + TemporaryInventory.validAccount + "...\n---\n").isEmpty)
    }

    @Test func aBlockBioIsTheTextThePlatformShows() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "bio: Parks and Recreation Department",
                                                                         with: "bio: |\n  Parks and Recreation Department\n  Not monitored 24/7\n")
        let inventory = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml": text])
        defer { inventory.remove() }
        #expect(try inventory.account("parks/x-fairhavenparks.yaml").bio?.value == "Parks and Recreation Department\nNot monitored 24/7")
        let folded = TemporaryInventory.validAccount.replacingOccurrences(of: "bio: Parks and Recreation Department",
                                                                           with: "bio: >\n  Parks and Recreation\n  Department   \n\n")
        let second = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml": folded])
        defer { second.remove() }
        #expect(try second.account("parks/x-fairhavenparks.yaml").bio?.value == "Parks and Recreation Department")
    }

    @Test func mergeKeysCountAsPresentAndAnAnchorOnlyKeyIsOneFinding() throws {
        let text = """
            defaults: &defaults
              unit: parks
              status: active
              owners: [jdoe, asmith]
            platform: x
            handle: FairhavenParks
            url: https://x.com/FairhavenParks
            <<: *defaults
            status: dormant
            bio: Parks and Recreation Department

            """
        let inventory = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml": text])
        defer { inventory.remove() }
        let account = try inventory.account("parks/x-fairhavenparks.yaml")
        #expect(account.unit?.value == "parks" && account.owners?.value.map(\.value) == ["jdoe", "asmith"])
        #expect(account.status?.value == .dormant, "a key the mapping sets itself wins over a merged one")
        #expect(account.schemaProblems.map(\.message) == [
            "key \"defaults\" is not a key of an account file: it only holds the anchor &defaults, whose keys are merged where `<<: *defaults` is written; put the anchor on a key or entry Herald reads (in people.yaml, the first person: `- &defaults`) and delete this key",
        ])
    }

    @Test func utf16FilesWithAByteOrderMarkAreRead() throws {
        for littleEndian in [true, false] {
            var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in TemporaryInventory.validAccount.utf16 {
                bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            let inventory = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml": ""])
            defer { inventory.remove() }
            try Data(bytes).write(to: inventory.root.appendingPathComponent("accounts/parks/x-fairhavenparks.yaml"))
            let account = try inventory.account("parks/x-fairhavenparks.yaml")
            #expect(account.schemaProblems.isEmpty && account.handle?.value == "FairhavenParks")
        }
    }

    @Test func quotedValuesStayText() throws {
        let inventory = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml":
            TemporaryInventory.validAccount.replacingOccurrences(of: "bio: Parks and Recreation Department", with: "bio: \"null\"")
                .replacingOccurrences(of: "2026-10-01", with: "\"2026-10-01\"")])
        defer { inventory.remove() }
        let account = try inventory.account("parks/x-fairhavenparks.yaml")
        #expect(account.schemaProblems.isEmpty)
        #expect(account.bio?.value == "null")
        #expect(account.lastReviewed?.value == CalendarDate("2026-10-01"))
    }

    @Test func unquotedNullIsAMissingValue() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "status: active", with: "status: ~")
        let problem = try only(problems(text))
        #expect((problem.line, problem.column) == (7, 9))
        #expect(problem.message == "\"status\" has no value: fill it in")
    }

    @Test func aByteOrderMarkIsAllowed() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        try inventory.write(Data([0xEF, 0xBB, 0xBF]) + Data(TemporaryInventory.validAccount.utf8), to: "accounts/parks/x-fairhavenparks.yaml")
        let account = try inventory.account("parks/x-fairhavenparks.yaml")
        #expect(account.schemaProblems.isEmpty)
        #expect(account.platform?.location == SourceLocation(line: 1, column: 11))
    }

    @Test func windowsLineEndingsKeepLineNumbers() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "\n", with: "\r\n") + "colour: blue\r\n"
        let problem = try only(problems(text))
        #expect((problem.line, problem.column) == (9, 1))
    }

    @Test func deepNestingIsAFindingNotACrash() throws {
        let text = "platform: " + String(repeating: "[", count: 10_000) + "\n"
        let problem = try only(problems(text))
        #expect(problem.message.hasPrefix("this is not valid YAML (lists and keys are nested more than 32 levels deep here)"))
    }

    @Test func lineSeparatorCharactersAreRefused() throws {
        let problem = try only(problems("platform: x\nbio: \"Parks\u{2028}news\"\n"))
        #expect((problem.line, problem.column) == (2, 12))
        #expect(problem.message == "the file contains an invisible control character (U+2028): delete it")
    }

    @Test func quotedEmptyValuesAreNotSet() throws {
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "handle: FairhavenParks", with: "handle: \"  \"")
        let found = try problems(text)
        #expect(found.map(\.message).contains("\"handle\" has no value: fill it in"))
    }

    @Test func handlesAreNamesNotAddresses() throws {
        // A handle copied with its @ is the same handle: no finding, and the file name and hints use it without.
        #expect(try problems(TemporaryInventory.validAccount.replacingOccurrences(of: "handle: FairhavenParks", with: "handle: \"@FairhavenParks\"")).isEmpty)
        let at = try only(problems(TemporaryInventory.validAccount.replacingOccurrences(of: "handle: FairhavenParks", with: "handle: \"@FairhavenParks\""),
                                   at: "parks/x-@fairhavenparks.yaml"))
        #expect((at.line, at.column) == (2, 10))
        #expect(at.message == "the file name does not match the platform and handle: rename the file to x-fairhavenparks.yaml or correct platform/handle")
        let slash = try problems(TemporaryInventory.validAccount.replacingOccurrences(of: "handle: FairhavenParks", with: "handle: x.com/FairhavenParks"))
        #expect(slash.contains { $0.message.hasPrefix("handle \"x.com/FairhavenParks\" contains a slash or a space") })
    }

    @Test func filesLargerThanOneReadAreReadWhole() throws {
        let bio = String(repeating: "Parks and Recreation Department. ", count: 400)
        let text = TemporaryInventory.validAccount.replacingOccurrences(of: "bio: Parks and Recreation Department", with: "bio: \"\(bio)\"")
        let inventory = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml": text + "# end\n"])
        defer { inventory.remove() }
        let account = try inventory.account("parks/x-fairhavenparks.yaml")
        #expect(text.utf8.count > 3 * 4096)
        #expect(account.schemaProblems.isEmpty)
        // The bio as the platform shows it: the trailing space is not part of it.
        #expect(account.bio?.value == String(bio.dropLast()))
        #expect(account.lastReviewed?.value == CalendarDate("2026-10-01"))
    }
}
