import Foundation
import HeraldCore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files an operator or an attacker can put in an inventory that must cost one finding, not the audit:
/// special files, huge files, alias bombs, a flood of keys, stray carriage returns, unreadable names.
@Suite struct HostileFileTests {
    /// Ten levels of ten aliases: 10^10 values if expanded ("billion laughs").
    static let aliasBomb: String = {
        var lines = ["l0: &l0 [a, a, a, a, a, a, a, a, a, a]"]
        for level in 1 ..< 10 { lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aPipeASocketOrADeviceNamedLikeAnAccountFileIsAFindingAndNeverOpened() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        #expect(mkfifo(inventory.root.path + "/accounts/parks/x-pipe.yaml", 0o644) == 0)
        // Never opened: the listing says what it is (opening a pipe for reading could wait for a writer).
        let account = try inventory.account("parks/x-pipe.yaml")
        #expect(account.schemaProblems.map(\.message) == ["this is a named pipe (FIFO), not a file, so it is not read: replace it with the file itself, or delete it"])
        #expect(mkfifo(inventory.root.path + "/accounts/parks/notes", 0o644) == 0)
        #expect(try inventory.load().accounts.count == 2, "a pipe not named like an account file is left alone")
    }

    @Test func aSocketNamedLikeAnAccountFileIsAFinding() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        let path = inventory.root.path + "/accounts/parks/x-socket.yaml"
        #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        try #require(bound == 0, "the temporary path is too long for a socket on this machine")
        let account = try inventory.account("parks/x-socket.yaml")
        #expect(account.schemaProblems.map(\.message) == ["this is a socket, not a file, so it is not read: replace it with the file itself, or delete it"])
    }

    @Test func aPipeWhereAnOrganisationFileShouldBeStopsTheAuditWithTheReason() throws {
        let inventory = try TemporaryInventory(["units/parks.yaml": nil])
        defer { inventory.remove() }
        #expect(mkfifo(inventory.root.path + "/units/parks.yaml", 0o644) == 0)
        #expect(throws: InventoryError.self) { try inventory.load() }
        do { _ = try inventory.load() } catch {
            #expect(error.problems.map(\.message) == ["this is a named pipe (FIFO), not a file, so it is not read: replace it with the file itself, or delete it"])
        }
    }

    @Test func anAccountFileAboveTheLimitIsNotReadAndSaysItsSize() throws {
        let bio = String(repeating: "a", count: FileLimits.accountFileBytes)
        let inventory = try TemporaryInventory(["accounts/parks/x-huge.yaml": "platform: x\nhandle: huge\nbio: \(bio)\n"])
        defer { inventory.remove() }
        let account = try inventory.account("parks/x-huge.yaml")
        #expect(account.bio == nil && account.handle == nil, "nothing of the file is read")
        #expect(account.schemaProblems.map(\.message) == [
            "the file is 1.0 MB, more than the 1 MiB an account file may hold, so it is not read: check that it is the right file and shorten the value that makes it so long",
        ])
        let fits = try TemporaryInventory(["accounts/parks/x-long.yaml": "platform: x\nhandle: long\nbio: \(bio.dropFirst(100))\n"])
        defer { fits.remove() }
        #expect(try fits.account("parks/x-long.yaml").bio?.value.count == FileLimits.accountFileBytes - 100)
    }

    @Test func nestedAliasesInAnAccountFileAreOneFinding() throws {
        let inventory = try TemporaryInventory(["accounts/parks/x-laughs.yaml": "platform: x\nhandle: laughs\n" + Self.aliasBomb + "owners: *l9\n"])
        defer { inventory.remove() }
        // Without the budget, reading `owners` walks 10^10 values: this test would not end.
        let account = try inventory.account("parks/x-laughs.yaml")
        #expect(account.schemaProblems.count == 1)
        #expect(account.schemaProblems.first?.message.hasPrefix("the aliases of this file (like *l") == true)
        #expect(account.schemaProblems.first?.location.line ?? 0 > 2, "the place is the alias that went over the budget")
    }

    @Test func nestedAliasesInAnOrganisationFileStopTheAudit() throws {
        let inventory = try TemporaryInventory(["people.yaml": TemporaryInventory.baseFiles["people.yaml"]! + "- id: zz\n  name: Z\n"
                                                    + Self.aliasBomb.split(separator: "\n").map { "  " + $0 + "\n" }.joined()])
        defer { inventory.remove() }
        do {
            _ = try inventory.load()
            Issue.record("an alias bomb in people.yaml must stop the audit")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.message.contains("stand for more values than Herald reads through aliases") == true)
        }
    }

    @Test func aliasesWithinTheBudgetStillWork() throws {
        // Merge keys for every person are ordinary YAML: a long people.yaml may use one for each entry.
        var people = "- &base {id: p0, name: P 0, unit: parks}\n"
        for index in 1 ..< 3_000 { people += "- {<<: *base, id: p\(index), name: P \(index)}\n" }
        let inventory = try TemporaryInventory(["people.yaml": TemporaryInventory.baseFiles["people.yaml"]! + people])
        defer { inventory.remove() }
        let registry = try inventory.load()
        #expect(registry.people["p2999"]?.unit == "parks")
    }

    @Test func thousandsOfUnknownOrRepeatedKeysAreCappedPerFile() throws {
        let keys = (0 ..< 50_000).map { "k\($0): v\n" }.joined() + String(repeating: "handle: again\n", count: 30)
        let inventory = try TemporaryInventory(["accounts/parks/x-keys.yaml": "platform: x\nhandle: keys\n" + keys])
        defer { inventory.remove() }
        let account = try inventory.account("parks/x-keys.yaml")
        #expect(account.schemaProblems.count { $0.message.hasPrefix("unknown key") } == FileLimits.problemsOfAKindPerFile)
        #expect(account.schemaProblems.count { $0.message.contains("appears twice") } == FileLimits.problemsOfAKindPerFile)
        #expect(account.schemaProblems.contains { $0.message.hasPrefix("… and 49,980 more unknown keys in this file from here on") && $0.location.line == 23 })
        #expect(account.schemaProblems.contains { $0.message.hasPrefix("… and 10 more keys written twice in this file") })
    }

    @Test func thousandsOfPeopleWithAStrayKeyEachAreCappedPerFile() throws {
        let people = (0 ..< 1_000).map { "- {id: p\($0), name: P \($0), phone: 555}\n" }.joined()
        let inventory = try TemporaryInventory(["people.yaml": TemporaryInventory.baseFiles["people.yaml"]! + people])
        defer { inventory.remove() }
        do {
            _ = try inventory.load()
            Issue.record("unknown keys in people.yaml stop the audit")
        } catch {
            #expect(error.problems.count == FileLimits.problemsOfAKindPerFile + 1)
            #expect(error.problems.last?.message.hasPrefix("… and 980 more unknown keys in this file") == true)
        }
    }

    @Test func aLoneCarriageReturnIsReportedAndLineNumbersStayAsGitCountsThem() throws {
        let inventory = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml":
            TemporaryInventory.validAccount.replacingOccurrences(of: "bio: Parks and Recreation Department", with: "bio: Parks and\rRecreation Department")])
        defer { inventory.remove() }
        let account = try inventory.account("parks/x-fairhavenparks.yaml")
        #expect(account.schemaProblems.map(\.location) == [SourceLocation(line: 5, column: 15)])
        #expect(account.schemaProblems.first?.message.hasPrefix("the file holds an invisible carriage return (U+000D) not followed by a line break") == true)
        #expect(account.owners?.location.line == 6, "the line after the carriage return is still line 6, as git and editors count")
        #expect(account.bio?.value == "Parks and Recreation Department")
    }

    @Test func windowsAndClassicMacLineEndingsAreNotStrayReturns() throws {
        let windows = TemporaryInventory.validAccount.replacingOccurrences(of: "\n", with: "\r\n")
        let mac = TemporaryInventory.validAccount.replacingOccurrences(of: "\n", with: "\r")
        let inventory = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml": windows, "accounts/parks/x-fairhavenparks.yml": nil])
        defer { inventory.remove() }
        #expect(try inventory.account("parks/x-fairhavenparks.yaml").schemaProblems.isEmpty)
        let classic = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml": mac])
        defer { classic.remove() }
        let account = try classic.account("parks/x-fairhavenparks.yaml")
        #expect(account.schemaProblems.isEmpty && account.owners?.location.line == 6)
    }

    @Test func aFileNameThatIsNotUTF8IsReportedAsSuch() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        var name = Array((inventory.root.path + "/accounts/parks/x-bad").utf8)
        name += [0xFF] + Array(".yaml".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let registry = try inventory.load()
        let bad = try #require(registry.accounts.first { $0.file.hasSuffix("x-bad\u{FFFD}.yaml") })
        #expect(bad.schemaProblems.map(\.message) == [
            "the file name is not UTF-8 text (shown here with � for each byte that is not), so it cannot be read or named in reports: rename it",
        ])
    }
}
