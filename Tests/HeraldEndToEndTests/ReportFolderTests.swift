import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The report folder's promise, kept under kill, signals and concurrency: at every instant a reader sees
/// one audit's complete set of reports, and nothing is left behind.
@Suite(.serialized) struct ReportFolderTests {
    static let formats = ["checkstyle.xml", "codequality.json", "herald-report.xsd", "junit.xml", "report.html", "report.json", "report.sarif", "report.xml"]

    /// A registry large enough that an audit spends a while writing its reports.
    static func largeRegistry() throws -> HeraldProcess {
        let herald = try HeraldProcess()
        try ConsumerLimitsTests.writeRegistry(in: herald.directory.appendingPathComponent("Inventory"))
        return herald
    }

    /// The audit date every dated report in `folder` carries, or nil when they disagree (a mixed set).
    static func auditDates(in folder: URL) throws -> Set<String> {
        var dates: Set<String> = []
        for name in formats where name != "herald-report.xsd" {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)).prefix(4096), as: UTF8.self)
            guard let range = text.range(of: #"20\d\d-\d\d-\d\d"#, options: .regularExpression) else { continue }
            dates.insert(String(text[range]))
        }
        return dates
    }

    /// Entries beside and inside the report folder that an audit leaves only while it runs.
    static func debris(in herald: HeraldProcess) throws -> [String] {
        // The spare (`.Reports.herald-spare`) is kept on purpose, for the next audit to recycle.
        let beside = try FileManager.default.contentsOfDirectory(atPath: herald.directory.path)
            .filter { $0.contains(".herald-") && $0 != ".Reports.herald-spare" }
        let inside = try FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("Reports").path)
            .filter { $0.contains(".tmp-") || $0.contains(".previous-") }
        return beside + inside
    }

    func start(_ herald: HeraldProcess, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = HeraldProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = herald.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aSignalAtAnyMomentLeavesTheOldSetOrTheNewOneAndNoDebris() throws {
        let herald = try Self.largeRegistry()
        defer { herald.remove() }
        let reports = herald.directory.appendingPathComponent("Reports")
        #expect(try herald.run(["audit", "--as-of", "2026-11-01"]).status == 1)
        var interrupted = 0
        // Signals at growing delays land in loading, auditing, rendering and the switch.
        for (round, signal) in [SIGTERM, SIGINT, SIGHUP, SIGTERM, SIGINT, SIGHUP, SIGTERM, SIGTERM].enumerated() {
            let date = "2026-11-1\(round)"
            let process = try start(herald, ["audit", "--as-of", date])
            usleep(UInt32(150_000 + round * 120_000))
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let dates = try Self.auditDates(in: reports)
            #expect(dates.count == 1, "round \(round): reports of two audits side by side: \(dates)")
            if process.terminationReason == .uncaughtSignal {
                // Before the swap the old set stays; a signal just after it leaves the new one: never a mix.
                interrupted += 1
                #expect(process.terminationStatus == signal)
            } else {
                #expect(process.terminationStatus == 1 && dates == [date])
            }
            #expect(try Self.debris(in: herald) == [], "round \(round)")
        }
        #expect(interrupted > 0, "no signal arrived while the audit ran: the test proved nothing")
    }

    @Test func whatAKilledAuditLeavesIsRemovedByTheNext() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--as-of", "2026-11-01"]).status == 0)
        // A process id no process can have (Linux hands out ids below pid_max; macOS below 99,999): what
        // "it" left is debris. (The id of a process that just ended may be handed out again at once while
        // the other tests start processes.)
        let limit = (try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let pid = limit ?? 99_999
        #expect(kill(pid, 0) != 0)
        let files = FileManager.default
        let staging = herald.directory.appendingPathComponent(".Reports.herald-\(pid)")
        try files.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staging.appendingPathComponent("report.json"))
        try files.createDirectory(at: herald.directory.appendingPathComponent(".Reports.herald-\(pid)-discarded"), withIntermediateDirectories: true)
        // A spare it was still recycling when it was killed.
        try files.createDirectory(at: herald.directory.appendingPathComponent(".Reports.herald-\(pid)-old/owners"), withIntermediateDirectories: true)
        // The lock the killed audit held, now free: it, not the process id (which may be reused), says the
        // audit is gone.
        try Data().write(to: herald.directory.appendingPathComponent(".Reports.herald-\(pid).lock"))
        // What Herald before the folder swap left inside the folder.
        try Data("half".utf8).write(to: herald.directory.appendingPathComponent("Reports/report.xml.tmp-\(pid)"))
        try Data("old".utf8).write(to: herald.directory.appendingPathComponent("Reports/junit.xml.previous-\(pid)"))
        // A running process's staging folder is left alone: that audit is still writing.
        let running = herald.directory.appendingPathComponent(".Reports.herald-\(getpid())")
        try files.createDirectory(at: running, withIntermediateDirectories: true)
        // So is one whose lock is held, whatever its process id (an audit in another container).
        let elsewhere = herald.directory.appendingPathComponent(".Reports.herald-\(pid)7")
        try files.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let lock = open(elsewhere.path + ".lock", O_RDWR | O_CREAT, 0o600)
        #expect(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0)
        defer { close(lock) }
        // A file of the user's that merely looks like debris is not Herald's.
        try Data("mine".utf8).write(to: herald.directory.appendingPathComponent("Reports/data.previous-\(pid)"))
        #expect(try herald.run(["audit", "--as-of", "2026-11-02"]).status == 0)
        let left = try Self.debris(in: herald).sorted()
        #expect(left == [".Reports.herald-\(getpid())", ".Reports.herald-\(pid)7", ".Reports.herald-\(pid)7.lock", "data.previous-\(pid)"].sorted(), "\(left)")
        #expect(try Self.auditDates(in: herald.directory.appendingPathComponent("Reports")) == ["2026-11-02"])
    }

    @Test func aReaderSeesOneCompleteSetAtEveryInstant() throws {
        // A reader that opens the folder once and reads each report through that handle, as a web server
        // serving one request does: while audits swap the folder, every set it reads is whole.
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--as-of", "2026-12-01"]).status == 0)
        let reports = herald.directory.appendingPathComponent("Reports").path
        let processes = try (2 ... 7).map { try start(herald, ["audit", "--as-of", "2026-12-0\($0)"]) }
        var reads = 0, mixed: [Set<String>] = []
        while processes.contains(where: \.isRunning) || reads == 0 {
            let folder = open(reports, O_RDONLY | O_DIRECTORY)
            guard folder >= 0 else { continue }
            var dates: Set<String> = [], complete = true
            for name in Self.formats where name != "herald-report.xsd" {
                let file = openat(folder, name, O_RDONLY)
                // The old set is deleted after a swap: a handle on it may find a file gone, never a mix.
                guard file >= 0 else { complete = false; break }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(file, &buffer, buffer.count)
                close(file)
                let text = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
                if let range = text.range(of: #"20\d\d-\d\d-\d\d"#, options: .regularExpression) { dates.insert(String(text[range])) }
            }
            close(folder)
            if complete { reads += 1 }
            if complete && dates.count != 1 { mixed.append(dates) }
        }
        #expect(mixed.isEmpty, "sets read with reports of two audits: \(mixed.prefix(3))")
        #expect(reads > 0)
    }

    @Test func auditsWritingOneFolderAtOnceEachLeaveACompleteSet() throws {
        // Small audits: what races is the switch at their end, and short audits end close together.
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        for round in 0 ..< 8 {
            let processes = try (1 ... 3).map { try start(herald, ["audit", "--as-of", "2026-12-0\($0)"]) }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(processes.map { ($0.terminationReason == .exit ? "exit " : "signal ") + String($0.terminationStatus) })")
            let dates = try Self.auditDates(in: herald.directory.appendingPathComponent("Reports"))
            #expect(dates.count == 1, "round \(round): \(dates)")
            #expect(try Self.debris(in: herald) == [])
        }
    }

    @Test func theOldSetIsKeptBesideAsASpareUntilTheNextAudit() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        let previous = herald.directory.appendingPathComponent(".Reports.herald-spare")
        #expect(try herald.run(["audit", "--as-of", "2026-11-01"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: previous.path), "the first audit swaps out an empty folder: nothing to keep")
        #expect(try herald.run(["audit", "--as-of", "2026-11-02"]).status == 0)
        #expect(try Self.auditDates(in: previous) == ["2026-11-01"])
        #expect(try Self.auditDates(in: herald.directory.appendingPathComponent("Reports")) == ["2026-11-02"])
        var info = stat()
        #expect(stat(previous.path, &info) == 0 && info.st_mode & 0o777 == 0o700, "nothing reads the spare: a web server must not serve it")
        #expect(try herald.run(["audit", "--as-of", "2026-11-03"]).status == 0)
        #expect(try Self.auditDates(in: previous) == ["2026-11-02"], "the 11-01 set was deleted and the 11-02 one kept")
        #expect(try Self.debris(in: herald) == [])

        // A failed audit puts back what it had not yet recycled (the action lists), for the next one.
        let broken = herald.directory.appendingPathComponent("Inventory/herald.yaml")
        let policy = try Data(contentsOf: broken)
        try Data("organisation: [".utf8).write(to: broken)
        #expect(try herald.run(["audit", "--as-of", "2026-11-04"]).status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: previous.path) == ["owners"])
        #expect(try Self.auditDates(in: herald.directory.appendingPathComponent("Reports")) == ["2026-11-03"])
        #expect(try Self.debris(in: herald) == [])
        try policy.write(to: broken)

        // A spare that is a link is neither followed nor deleted through: it is not Herald's.
        let elsewhere = herald.directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: elsewhere.appendingPathComponent("keep.txt"))
        try FileManager.default.removeItem(at: previous)
        try FileManager.default.createSymbolicLink(atPath: previous.path, withDestinationPath: "elsewhere")
        #expect(try herald.run(["audit", "--as-of", "2026-11-04"]).status == 0)
        #expect(try Data(contentsOf: elsewhere.appendingPathComponent("keep.txt")) == Data("mine".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: previous.path) == "elsewhere")
        #expect(try Self.auditDates(in: herald.directory.appendingPathComponent("Reports")) == ["2026-11-04"])
        #expect(try Self.debris(in: herald) == [], "the swapped-out set, with no place to be kept, is deleted")
    }

    @Test func aSubsetOfFormatsReplacesOnlyThoseAndKeepsEverythingElse() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--as-of", "2026-11-01"]).status == 0)
        let reports = herald.directory.appendingPathComponent("Reports")
        try FileManager.default.createDirectory(at: reports.appendingPathComponent("archive"), withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: reports.appendingPathComponent("archive/2026-10.json"))
        try Data("kept".utf8).write(to: reports.appendingPathComponent(".htaccess"))
        try FileManager.default.createSymbolicLink(atPath: reports.appendingPathComponent("latest").path, withDestinationPath: "report.html")
        // A folder a web server reads through its group: the new folder keeps the mode and the group.
        #expect(chmod(reports.path, 0o2750) == 0)
        let group: gid_t? = getuid() == 0 && chown(reports.path, uid_t.max, 1) == 0 ? 1 : nil
        let output = try herald.run(["audit", "--as-of", "2026-11-02", "--format", "json,xml"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasSuffix("Wrote Reports/report.json\nWrote Reports/report.xml\n"))
        let text = { (name: String) in String(decoding: try Data(contentsOf: reports.appendingPathComponent(name)), as: UTF8.self) }
        #expect(try text("report.json").contains("2026-11-02") && text("report.xml").contains("2026-11-02"))
        #expect(try text("report.html").contains("2026-11-01"), "reports not asked for stay as they were")
        #expect(try text("archive/2026-10.json") == "kept" && text(".htaccess") == "kept")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: reports.appendingPathComponent("latest").path) == "report.html")
        var info = stat()
        #expect(stat(reports.path, &info) == 0 && info.st_mode & 0o7777 == 0o2750)
        if let group { #expect(info.st_gid == group) }
    }

    @Test func aReportsFolderThatIsALinkStaysALink() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        let site = herald.directory.appendingPathComponent("site/herald")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: herald.directory.appendingPathComponent("Reports").path, withDestinationPath: "site/herald")
        #expect(try herald.run(["audit", "--as-of", "2026-11-01"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: herald.directory.appendingPathComponent("Reports").path) == "site/herald")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("report.json").path))
    }

    @Test func aReportsFolderThatHoldsTheInventoryIsRefused() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        for output in [".", "./", herald.directory.path] {
            let result = try herald.run(["audit", "--output", output])
            #expect(result.status == 3, "\(output)")
            #expect(result.stderr.contains("the reports folder is replaced as a whole at the end of each audit"), "\(output): \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Inventory/herald.yaml").path))
    }

    /// A folder that cannot be swapped (a container's volume mounted at Reports/) is written report by
    /// report from a staging folder inside it, under a lock: the same promises but the instant of the renames.
    @Test func aFolderThatCannotBeSwappedIsWrittenReportByReportUnderALock() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        let inside = ["HERALD_STAGE_INSIDE": "1"]
        #expect(try herald.run(["audit", "--as-of", "2026-11-01"], environment: inside).status == 0)
        let reports = herald.directory.appendingPathComponent("Reports")
        try Data("kept".utf8).write(to: reports.appendingPathComponent("notes.txt"))
        let inode = try FileManager.default.attributesOfItem(atPath: reports.path)[.systemFileNumber] as? Int
        let output = try herald.run(["audit", "--as-of", "2026-11-02", "--format", "json,xml"], environment: inside)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: reports.path)[.systemFileNumber] as? Int == inode, "the folder itself stays")
        let text = { (name: String) in String(decoding: try Data(contentsOf: reports.appendingPathComponent(name)), as: UTF8.self) }
        #expect(try text("report.json").contains("2026-11-02") && text("report.html").contains("2026-11-01") && text("notes.txt") == "kept")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasPrefix(".herald-") }
        #expect(hidden == [], "no staging folder or its lock is left: \(hidden)")
        // Audits at once: each set is renamed in whole under the lock, so the folder ends with one.
        for round in 0 ..< 4 {
            let processes = try (1 ... 3).map { day in
                let process = Process()
                process.executableURL = HeraldProcess.binary
                process.arguments = ["audit", "--as-of", "2026-12-0\(day)"]
                process.currentDirectoryURL = herald.directory
                process.environment = ProcessInfo.processInfo.environment.merging(inside) { $1 }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 })
            #expect(try Self.auditDates(in: reports).count == 1, "round \(round)")
        }
    }
}
