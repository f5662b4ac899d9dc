import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// The one place where what happened becomes an exit code; each code has one meaning whatever the flags.
enum Outcome {
    /// The audit ran; `failed` says whether findings reached `--fail-on`.
    case audited(failed: Bool)
    case auditCouldNotRun
    case reportNotWritten

    var exitCode: ExitCode {
        switch self {
        case .audited(failed: false): return .success
        case .audited(failed: true): return ExitCode(1)
        case .auditCouldNotRun: return ExitCode(2)
        case .reportNotWritten: return ExitCode(3)
        }
    }

    /// Loads the registry, or prints why it cannot be trusted and exits 2.
    static func loadRegistry(_ root: String, given: Bool = true) throws -> Registry {
        do {
            return try InventoryLoader(root: root, knownRules: Set(RuleCatalog.all.map { $0.description.id })).load()
        } catch {
            if error.inventoryNotFound {
                Console.error(TerminalText.safe(notFound(root, given: given, problem: error.problems.first?.message ?? "")))
                throw Outcome.auditCouldNotRun.exitCode
            }
            for problem in error.problems {
                Console.error(TerminalText.safe("\(problem.file):\(problem.location): error: \(problem.message)"))
            }
            Console.error("herald: the audit did not run: fix the \(error.problems.count == 1 ? "problem" : "problems") above")
            throw Outcome.auditCouldNotRun.exitCode
        }
    }

    /// What to say when there is no inventory folder: a path typed with `--inventory` is checked for a
    /// typing mistake; without one, the command ran outside any registry.
    private static func notFound(_ root: String, given: Bool, problem: String) -> String {
        if given {
            return "herald: error: --inventory \(root): \(problem): give the folder that holds herald.yaml"
        }
        return "herald: error: no inventory found: herald looks for herald.yaml in \(FileManager.default.currentDirectoryPath) and every folder "
            + "above it, and for an Inventory folder holding one. Run herald inside the registry's repository, pass --inventory FOLDER, "
            + "or start a registry with `herald init`."
    }
}

extension Outcome {
    /// What `read` returns, or its problems printed as `file:line:column: error: message` and exit 2: a
    /// baseline or an earlier report that cannot be read stops the audit rather than count wrongly.
    static func readOrStop<Value>(_ what: String, _ read: () throws(ProblemList) -> Value) throws -> Value {
        do {
            return try read()
        } catch {
            for problem in error.problems {
                Console.error(TerminalText.safe("\(problem.file):\(problem.location): error: \(problem.message)"))
            }
            Console.error("herald: the audit did not run: \(what) cannot be used; fix the \(error.problems.count == 1 ? "problem" : "problems") above")
            throw Outcome.auditCouldNotRun.exitCode
        }
    }
}

/// Where messages go: results to standard output, trouble to standard error.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
