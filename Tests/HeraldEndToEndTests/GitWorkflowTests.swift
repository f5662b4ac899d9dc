import Foundation
import Testing

/// The pull-request check, the baseline and the comparison with the last audit, run as the nightly job
/// and a department run them: the built binary, in real git repositories made by the test.
@Suite struct GitWorkflowTests {
    /// A copy of the shipped inventory in a new git repository, committed once on `main`.
    static func repository() throws -> HeraldProcess {
        let herald = try HeraldProcess.withShippedInventory()
        try git(herald, ["init", "-q", "-b", "main"])
        try commit(herald, "The registry as shipped")
        return herald
    }

    @discardableResult
    static func git(_ herald: HeraldProcess, _ arguments: [String], date: String = "2026-11-20T10:00:00Z", authorDate: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = herald.directory
        process.environment = ProcessInfo.processInfo.environment.merging([
            "GIT_AUTHOR_NAME": "Comms Office", "GIT_AUTHOR_EMAIL": "comms@fairhaven.gov", "GIT_COMMITTER_NAME": "Comms Office",
            "GIT_COMMITTER_EMAIL": "comms@fairhaven.gov", "GIT_AUTHOR_DATE": authorDate ?? date, "GIT_COMMITTER_DATE": date,
            "GIT_CONFIG_NOSYSTEM": "1", "HOME": herald.directory.path,
        ]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw GitFailed(text: "git \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    struct GitFailed: Error { let text: String }

    static func commit(_ herald: HeraldProcess, _ message: String, date: String = "2026-11-20T10:00:00Z") throws {
        try git(herald, ["add", "-A", "Inventory"])
        try git(herald, ["commit", "-q", "-m", message], date: date)
    }

    static func edit(_ herald: HeraldProcess, _ path: String, _ change: (String) -> String) throws {
        let url = herald.directory.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changes it")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    static let asOf = ["--as-of", "2026-11-24"]

    @Test func aPersonWhoLeftShowsOnTheirAccountsThoughNoAccountFileChanged() throws {
        let herald = try Self.repository()
        defer { herald.remove() }
        let unchanged = try herald.run(["check", "--changed-since", "main"] + Self.asOf)
        #expect(unchanged.status == 0, "the registry has old findings, but this change broke nothing: \(unchanged.stdout)\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("Since main: 0 new findings"))

        try Self.git(herald, ["checkout", "-q", "-b", "drosen-left"])
        try Self.edit(herald, "Inventory/people.yaml") {
            $0.replacingOccurrences(of: "email: daniel.rosen@fairhaven.gov, unit: mayors-office,", with: "email: daniel.rosen@fairhaven.gov, unit: mayors-office, active: false,")
        }
        try Self.commit(herald, "Daniel Rosen has left")
        let check = try herald.run(["check", "--changed-since", "main"] + Self.asOf)
        #expect(check.status == 1)
        let lines = check.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines.count == 4, "\(check.stdout)")
        #expect(lines.filter { $0.contains("[owner-assigned]") && $0.contains("drosen") && $0.hasPrefix("Inventory/accounts/mayors-office/") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("Inventory/units/mayors-office.yaml:") && $0.contains("[maintainer-known]") })
        #expect(check.stdout.contains("Since main: 4 new findings, 0 fixed."))
        // The working copy was not touched to read main.
        #expect(try Self.git(herald, ["status", "--porcelain", "--", "Inventory"]).isEmpty)
        #expect(try Self.git(herald, ["rev-parse", "--abbrev-ref", "HEAD"]).hasPrefix("drosen-left"))
        // Uncommitted edits count too: the working tree is what is checked.
        try Self.edit(herald, "Inventory/people.yaml") { $0.replacingOccurrences(of: "email: daniel.rosen@fairhaven.gov, unit: mayors-office, active: false,", with: "email: daniel.rosen@fairhaven.gov, unit: mayors-office,") }
        #expect(try herald.run(["check", "--changed-since", "main"] + Self.asOf).status == 0)
    }

    @Test func aStricterUnitStandardShowsOnTheUnitsAccountsAndAnnotatesThem() throws {
        let herald = try Self.repository()
        defer { herald.remove() }
        try Self.edit(herald, "Inventory/units/parks-recreation.yaml") { text in
            text.contains("standards:") ? text.replacingOccurrences(of: "standards:", with: "standards:\n  bio_must_include: [\"Not monitored 24/7\"]")
                : text + "standards:\n  bio_must_include: [\"Not monitored 24/7\"]\n"
        }
        let check = try herald.run(["check", "--changed-since", "HEAD", "--format", "github"] + Self.asOf)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        let annotations = check.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(!annotations.isEmpty && annotations.allSatisfy { $0.contains("file=Inventory/accounts/parks-recreation/") && $0.contains("unit-standards") })
    }

    @Test func reviewDatesComeFromCommitsAndCannotBeBackDated() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        try FileManager.default.copyItem(at: HeraldProcess.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Inventory"), to: herald.directory.appendingPathComponent("Inventory"))
        try Self.git(herald, ["init", "-q", "-b", "main"])
        try Self.commit(herald, "The registry as shipped", date: "2026-10-05T09:00:00+02:00")
        let account = "Inventory/accounts/parks-recreation/facebook-FairhavenParks.yaml"
        // A review typed ahead of any commit: last_reviewed says 2026-11-23, the file was last committed on 2026-11-22.
        try Self.edit(herald, account) { $0.replacingOccurrences(of: "last_reviewed: 2026-06-22", with: "last_reviewed: 2026-11-23") }
        try Self.commit(herald, "Update Parks Facebook", date: "2026-11-22T16:00:00+01:00")
        let typed = try herald.run(["audit", "--git", "--format", "json", "--fail-on", "never"] + Self.asOf)
        #expect(typed.status == 0, "\(typed.stderr)")
        var findings = try herald.json("Reports/report.json")["findings"] as? [[String: Any]] ?? []
        let recorded = findings.filter { $0["rule"] as? String == "review-recorded" }
        #expect(recorded.count == 1 && recorded[0]["file"] as? String == account)
        #expect((recorded[0]["message"] as? String)?.contains("later than the last commit that changed this file") == true)
        #expect((recorded[0]["message"] as? String)?.contains("2026-11-22") == true, "the commit's own calendar date")
        // Without --git the rule looks at no account, and says nothing.
        #expect(try herald.run(["audit", "--format", "json", "--fail-on", "never"] + Self.asOf).status == 0)
        #expect((try herald.json("Reports/report.json")["findings"] as? [[String: Any]] ?? []).allSatisfy { $0["rule"] as? String != "review-recorded" })

        // The organisation takes review dates from Reviewed-by: trailers.
        try Self.edit(herald, "Inventory/herald.yaml") { $0 + "reviews_from_git: true\n" }
        try Self.commit(herald, "Review dates come from git", date: "2026-11-22T17:00:00Z")
        #expect(try herald.run(["audit", "--git", "--format", "json", "--fail-on", "never"] + Self.asOf).status == 0)
        findings = try herald.json("Reports/report.json")["findings"] as? [[String: Any]] ?? []
        func reviewFinding() -> [String: Any]? { findings.first { $0["rule"] as? String == "review-current" && $0["file"] as? String == account } }
        #expect((reviewFinding()?["message"] as? String)?.hasPrefix("no commit of this file carries a Reviewed-by: trailer") == true)
        // A trailer naming someone who is neither an owner nor a maintainer does not count; an owner's does.
        try Self.edit(herald, account) { $0 + "# reviewed\n" }
        try Self.git(herald, ["add", "-A"])
        try Self.git(herald, ["commit", "-q", "-m", "Review\n\nReviewed-by: Maria Whitfield <maria.whitfield@fairhaven.gov>"], date: "2026-11-23T10:00:00Z")
        #expect(try herald.run(["audit", "--git", "--format", "json", "--fail-on", "never"] + Self.asOf).status == 0)
        findings = try herald.json("Reports/report.json")["findings"] as? [[String: Any]] ?? []
        #expect(reviewFinding() != nil, "Maria Whitfield is not an owner of the account or a maintainer of its unit")
        try Self.edit(herald, account) { $0 + "# reviewed again\n" }
        try Self.git(herald, ["add", "-A"])
        try Self.git(herald, ["commit", "-q", "-m", "Quarterly review\n\nReviewed-by: Tom Brooks <TOM.BROOKS@fairhaven.gov>"], date: "2026-11-23T11:00:00Z")
        let check = try herald.run(["check", "--git", account] + Self.asOf)
        #expect(!check.stdout.contains("[review-current]"), "\(check.stdout)")

        // A review merged with a merge commit whose message carries the trailer (as GitLab writes them).
        let other = "Inventory/accounts/parks-recreation/x-FairhavenParks.yaml"
        try Self.git(herald, ["checkout", "-q", "-b", "review-x"])
        try Self.edit(herald, other) { $0 + "# reviewed on a branch\n" }
        try Self.commit(herald, "Review X", date: "2026-11-23T12:00:00Z")
        try Self.git(herald, ["checkout", "-q", "main"])
        try Self.git(herald, ["merge", "-q", "--no-ff", "review-x", "-m", "Merge review-x\n\nReviewed-by: tbrooks"], date: "2026-11-23T13:00:00Z")
        let merged = try herald.run(["check", "--git", other] + Self.asOf)
        #expect(!merged.stdout.contains("[review-current]"), "the merge commit's trailer counts: \(merged.stdout)")

        // Typed in Auckland on the 24th, committed in London on the 23rd the same moment: recorded.
        try Self.edit(herald, other) { $0.replacingOccurrences(of: "last_reviewed: 2026-06-22", with: "last_reviewed: 2026-11-24") }
        try Self.git(herald, ["commit", "-q", "-am", "Review X again"], date: "2026-11-23T22:30:00Z", authorDate: "2026-11-24T11:30:00+13:00")
        let zones = try herald.run(["check", "--git", other] + Self.asOf)
        #expect(!zones.stdout.contains("[review-recorded]"), "\(zones.stdout)")
        // A shallow clone never gives a wrong date: it says so, and the audit does not run.
        let clone = try HeraldProcess()
        defer { clone.remove() }
        try Self.git(clone, ["clone", "-q", "--depth", "1", "file://" + herald.directory.path, "repo"])
        let shallow = try clone.run(["audit", "--inventory", "repo/Inventory", "--git"] + Self.asOf)
        #expect(shallow.status == 2 && shallow.stderr.contains("this clone is shallow"))
    }

    @Test func anInventoryNamedAnyWayGivesTheSameFindings() throws {
        let herald = try Self.repository()
        defer { herald.remove() }
        #expect(try herald.run(["baseline", "write", "baseline.yaml"] + Self.asOf).status == 0)
        let absolute = herald.directory.appendingPathComponent("Inventory").path
        for inventory in ["./Inventory", absolute, "Inventory/"] {
            let audit = try herald.run(["audit", "--inventory", inventory, "--baseline", "baseline.yaml", "--fail-on-unmatched-baseline", "--git"]
                                       + Self.asOf + ["--output", "out"])
            #expect(audit.status == 0, "\(inventory): \(audit.stdout)\(audit.stderr)")
            #expect(audit.stdout.contains("still match a finding") && !audit.stdout.contains("match nothing"), "\(inventory): \(audit.stdout)")
            let check = try herald.run(["check", "--inventory", inventory, "--changed-since", "main", "--git"] + Self.asOf)
            #expect(check.status == 0 && check.stdout.contains("0 new findings"), "\(inventory): \(check.stdout)\(check.stderr)")
        }
        // Compared with a report of an audit that named the folder otherwise: nothing is new.
        #expect(try herald.run(["audit", "--inventory", absolute, "--output", "absolute", "--format", "json"] + Self.asOf).status == 1)
        let relative = try herald.run(["audit", "--compare-to", "absolute/report.json", "--format", "json", "--output", "relative"] + Self.asOf)
        #expect(relative.stdout.contains("0 new, 0 fixed"), "\(relative.stdout)")
    }

    @Test func linksInsideTheInventoryAreFollowedInACommitAsOnDisk() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let inventory = herald.directory.appendingPathComponent("Inventory")
        // The people directory kept elsewhere in the inventory and linked, and one account file linked.
        try FileManager.default.createDirectory(at: inventory.appendingPathComponent("shared"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: inventory.appendingPathComponent("people.yaml"), to: inventory.appendingPathComponent("shared/people.yaml"))
        try FileManager.default.createSymbolicLink(atPath: inventory.appendingPathComponent("people.yaml").path, withDestinationPath: "shared/people.yaml")
        let account = inventory.appendingPathComponent("accounts/fire/x-FairhavenFire.yaml")
        try FileManager.default.moveItem(at: account, to: inventory.appendingPathComponent("shared/x-FairhavenFire.yaml"))
        try FileManager.default.createSymbolicLink(atPath: account.path, withDestinationPath: "../../shared/x-FairhavenFire.yaml")
        try Self.git(herald, ["init", "-q", "-b", "main"])
        try Self.commit(herald, "Linked files")
        let unchanged = try herald.run(["check", "--changed-since", "main"] + Self.asOf)
        #expect(unchanged.status == 0 && unchanged.stdout.contains("0 new findings"), "\(unchanged.stdout)\(unchanged.stderr)")
        // The linked account changes in the working tree: read through the link at REF too.
        try Self.edit(herald, "Inventory/shared/x-FairhavenFire.yaml") { $0 + "# edited\n" }
        let edited = try herald.run(["check", "--changed-since", "main"] + Self.asOf)
        #expect(edited.status == 0 && edited.stdout.contains("0 new findings"), "\(edited.stdout)\(edited.stderr)")
    }

    @Test func gitProblemsGiveAClearMessageAndNoWrongAnswer() throws {
        let herald = try Self.repository()
        defer { herald.remove() }
        let unknown = try herald.run(["check", "--changed-since", "no-such-branch"] + Self.asOf)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no-such-branch names no commit in this repository"))
        try FileManager.default.removeItem(at: herald.directory.appendingPathComponent(".git"))
        let notARepository = try herald.run(["check", "--changed-since", "main"] + Self.asOf)
        #expect(notARepository.status == 2)
        #expect(notARepository.stderr.contains("is not inside a git repository"))
        #expect(notARepository.stdout.isEmpty, "no findings are printed when the comparison cannot be made")
        // A machine without git: the message says so, and nothing is reported wrong.
        let noGit = herald.directory.appendingPathComponent("no-git-here")
        try FileManager.default.createDirectory(at: noGit, withIntermediateDirectories: true)
        for command in [["check", "--changed-since", "main"], ["audit", "--git"]] {
            let missing = try herald.run(command + Self.asOf, environment: ["PATH": noGit.path])
            #expect(missing.status == 2, "\(command)")
            #expect(missing.stderr.contains("git is not installed or not on the PATH"), "\(missing.stderr)")
        }
        let noHistory = try herald.run(["audit", "--git"] + Self.asOf)
        #expect(noHistory.status == 2 && noHistory.stderr.contains("is not inside a git repository"))
        #expect(!FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Reports").path), "no report without the history asked for")
    }

    @Test func aShallowCloneSaysToFetchMoreHistory() throws {
        let herald = try Self.repository()
        defer { herald.remove() }
        try Self.edit(herald, "Inventory/people.yaml") { $0 + "# a second commit\n" }
        try Self.commit(herald, "Second")
        let clone = try HeraldProcess()
        defer { clone.remove() }
        try Self.git(clone, ["clone", "-q", "--depth", "1", "file://" + herald.directory.path, "repo"])
        let check = try clone.run(["check", "--inventory", "repo/Inventory", "--changed-since", "HEAD~1"] + Self.asOf)
        #expect(check.status == 2, "a shallow clone is a setup to fix, not a usage error")
        #expect(check.stderr.contains("this clone is shallow"))
    }

    @Test func aBaselineLetsAnOrganisationAdoptHeraldAndOnlyShrinks() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--format", "json"] + Self.asOf).status == 1, "the shipped registry fails")
        let written = try herald.run(["baseline", "write", "baseline.yaml"] + Self.asOf)
        #expect(written.status == 0, "\(written.stderr)")
        let baseline = String(decoding: try herald.file("baseline.yaml"), as: UTF8.self)
        #expect(baseline.contains("herald_baseline: 1"))
        #expect(!baseline.contains("Daniel") && !baseline.contains("@fairhaven.gov"), "ids and fingerprints only, no names or addresses")
        #expect(try herald.run(["baseline", "write", "again.yaml"] + Self.asOf).status == 0)
        #expect(try herald.file("again.yaml") == herald.file("baseline.yaml"), "the same registry gives the same baseline")

        let adopted = try herald.run(["audit", "--baseline", "baseline.yaml", "--fail-on", "warning"] + Self.asOf)
        #expect(adopted.status == 0, "\(adopted.stdout)")
        #expect(adopted.stdout.contains("0 errors, 0 warnings"))
        let report = try herald.json("Reports/report.json")
        let summary = report["summary"] as? [String: Int]
        #expect(summary?["baselined"] ?? 0 > 0 && summary?["errors"] == 0)
        #expect((report["findings"] as? [[String: Any]])?.contains { $0["baselined"] as? Bool == true } == true, "baselined findings are shown")
        let check = try herald.run(["check", "--baseline", "baseline.yaml"] + Self.asOf)
        #expect(check.status == 0 && check.stdout.contains(": note: [") && check.stdout.contains("in the baseline: "))

        // A problem fixed: its entry matches nothing, and with the option the run fails until it is removed.
        let account = try #require(report["findings"] as? [[String: Any]]).first { $0["rule"] as? String == "two-factor" }
        let file = try #require(account?["file"] as? String)
        try GitWorkflowTests.edit(herald, file) { $0.replacingOccurrences(of: "two_factor: false", with: "two_factor: true") }
        let fixed = try herald.run(["audit", "--baseline", "baseline.yaml"] + Self.asOf)
        #expect(fixed.status == 0)
        #expect(fixed.stdout.contains("match nothing any more (fixed): remove"))
        let strict = try herald.run(["audit", "--baseline", "baseline.yaml", "--fail-on-unmatched-baseline"] + Self.asOf)
        #expect(strict.status == 1)
        #expect(try herald.json("Reports/report.json")["baseline"].flatMap { ($0 as? [String: Any])?["unmatched"] as? [[String: Any]] }?.count == 1)
        // A broken baseline stops the audit, with the place and the fix.
        try "herald_baseline: 1\nfindings:\n  - {rule: x}\n".write(to: herald.directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try herald.run(["audit", "--baseline", "broken.yaml"] + Self.asOf)
        #expect(broken.status == 2 && broken.stderr.contains("broken.yaml:3:"))
    }

    @Test func theNightlyJobComparesWithYesterdaysReport() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--output", "yesterday", "--as-of", "2026-11-23"]).status == 1)
        // Today: one account's two-factor is turned off, another's problem is fixed, and lines move.
        let yesterday = try herald.json("yesterday/report.json")["findings"] as? [[String: Any]] ?? []
        let fixedFile = try #require(yesterday.first { $0["rule"] as? String == "two-factor" }?["file"] as? String)
        try GitWorkflowTests.edit(herald, fixedFile) { "# reviewed\n" + $0.replacingOccurrences(of: "two_factor: false", with: "two_factor: true") }
        let today = try herald.run(["audit", "--compare-to", "yesterday/report.json"] + Self.asOf)
        #expect(today.status == 1)
        #expect(today.stdout.contains("0 new, 1 fixed since 2026-11-23"), "\(today.stdout)")
        let report = try herald.json("Reports/report.json")
        let changes = try #require(report["changes"] as? [String: Any])
        #expect((changes["fixed"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["two-factor"])
        #expect((report["findings"] as? [[String: Any]])?.allSatisfy { $0["change"] as? String == "persisting" } == true)
        #expect(try herald.run(["audit", "--compare-to", "yesterday/report.json", "--count", "new"] + Self.asOf).status == 0, "nothing new: --count new passes")
        let html = String(decoding: try herald.file("Reports/report.html"), as: UTF8.self)
        #expect(html.contains("id=\"changes-heading\">Since the last audit") && html.contains("id=\"fixed-findings\""))
        #expect(try herald.run(["validate-report", "Reports/report.xml"]).status == 0)
        // The same inputs give the same bytes, comparison and baseline included.
        #expect(try herald.run(["baseline", "write", "baseline.yaml", "--as-of", "2026-11-23"]).status == 0)
        var sets: [[Data]] = []
        for output in ["same-1", "same-2"] {
            _ = try herald.run(["audit", "--compare-to", "yesterday/report.json", "--baseline", "baseline.yaml", "--output", output] + Self.asOf)
            sets.append(try ["report.json", "report.xml", "report.html", "report.sarif", "junit.xml", "checkstyle.xml", "codequality.json", "owners/_comms-office.md"]
                .map { try herald.file(output + "/" + $0) })
        }
        #expect(sets[0] == sets[1])
        // Then a new problem, and a rule turned off: its findings are not re-checked, never fixed.
        try GitWorkflowTests.edit(herald, "Inventory/accounts/fire/instagram-fairhavenfire.yaml") { $0.replacingOccurrences(of: "two_factor: true", with: "two_factor: false") }
        try GitWorkflowTests.edit(herald, "Inventory/herald.yaml") { $0.replacingOccurrences(of: "review-current: warning", with: "review-current: off") }
        let later = try herald.run(["audit", "--compare-to", "yesterday/report.json", "--count", "new", "--format", "json,html"] + Self.asOf)
        #expect(later.status == 1, "a new error fails --count new")
        let laterReport = try herald.json("Reports/report.json")
        let laterChanges = try #require(laterReport["changes"] as? [String: Any])
        let newFindings = (laterReport["findings"] as? [[String: Any]] ?? []).filter { $0["change"] as? String == "new" }
        #expect(newFindings.map { $0["file"] as? String } == ["Inventory/accounts/fire/instagram-fairhavenfire.yaml"])
        let notRechecked = laterChanges["not_rechecked"] as? [[String: Any]] ?? []
        #expect(!notRechecked.isEmpty && notRechecked.allSatisfy { $0["rule"] as? String == "review-current" })
        #expect((laterChanges["fixed"] as? [[String: Any]])?.allSatisfy { $0["rule"] as? String != "review-current" } == true)
        let laterHTML = String(decoding: try herald.file("Reports/report.html"), as: UTF8.self)
        #expect(laterHTML.contains("id=\"new-findings\"") && laterHTML.contains("not re-checked"))

        let usage = try herald.run(["audit", "--count", "new"] + Self.asOf)
        #expect(usage.status == 64 && usage.stderr.contains("--count new needs --compare-to"))
        let missing = try herald.run(["audit", "--compare-to", "nothing.json"] + Self.asOf)
        #expect(missing.status == 2 && missing.stderr.contains("nothing.json"))
    }

    @Test func theNightlyJobKeepsAHistoryAndShowsTheTrend() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--history", "history.jsonl", "--as-of", "2026-11-23", "--format", "json"]).status == 1)
        let today = try herald.run(["audit", "--history", "history.jsonl"] + Self.asOf)
        #expect(today.status == 1)
        #expect(today.stdout.contains(" on 2026-11-23: ") && today.stdout.contains("Wrote history.jsonl"))
        let history = try herald.file("history.jsonl")
        #expect(String(decoding: history, as: UTF8.self).split(separator: "\n").count == 2)
        #expect(try herald.run(["audit", "--history", "history.jsonl"] + Self.asOf).status == 1)
        #expect(try herald.file("history.jsonl") == history, "an audit of the same date gives the same history")
        #expect(String(decoding: try herald.file("Reports/report.html"), as: UTF8.self).contains("<figure class=\"trend\""))
        try Data("not json\n".utf8).write(to: herald.directory.appendingPathComponent("broken.jsonl"))
        let broken = try herald.run(["audit", "--history", "broken.jsonl"] + Self.asOf)
        #expect(broken.status == 2 && broken.stderr.contains("broken.jsonl:1:1"))
    }
}
