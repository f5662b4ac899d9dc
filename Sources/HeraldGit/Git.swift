import Foundation
import Subprocess

/// Runs git as a separate process (swift-subprocess), in one folder of a repository. Herald reads git only
/// through commands that ask for it (`herald check --changed-since`); never to find the audit's date.
public struct Git: Sendable {
    /// The folder git runs in (`git -C`): the inventory folder, so that paths come relative to it.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Why git could not answer, in words for the person who ran Herald.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
        /// True when the answer is "no such revision": a usage error rather than a broken setup.
        public let unknownRevision: Bool

        init(_ description: String, unknownRevision: Bool = false) {
            self.description = description
            self.unknownRevision = unknownRevision
        }
    }

    /// git's standard output for `arguments`, with `input` on its standard input.
    /// - Parameter outputLimit: the most bytes the output may hold (swift-subprocess collects it whole).
    /// - Throws: `Failure` when git is not installed, cannot start, or exits other than 0 (with git's
    ///   own first line of error).
    public func run(_ arguments: [String], input: [UInt8] = [], outputLimit: Int = 64 << 20) async throws(Failure) -> [UInt8] {
        do {
            let result = try await Subprocess.run(.name("git"), arguments: Arguments(["-C", folder] + arguments),
                                                  input: .array(input), output: .bytes(limit: outputLimit), error: .string(limit: 64 << 10))
            guard result.terminationStatus.isSuccess else {
                let message = result.standardError.split(separator: "\n").first.map(String.init) ?? "git \(arguments.first ?? "") failed"
                throw Failure(message)
            }
            return result.standardOutput
        } catch let failure as Failure {
            throw failure
        } catch let error as SubprocessError where error.code == .executableNotFound {
            throw Failure("git is not installed or not on the PATH: install git (apt-get install git), or run without the git options")
        } catch let error as SubprocessError where error.code == .failedToChangeWorkingDirectory {
            throw Failure("\(folder) cannot be entered to run git: check that the folder exists")
        } catch {
            throw Failure("git could not be run: \(error)")
        }
    }

    /// The commit `revision` names (`main`, `origin/main`, `HEAD~1`, a commit id), checked before anything
    /// is read.
    /// - Throws: `Failure` when the folder is not in a git repository or `revision` names no commit
    ///   (`unknownRevision`; in a shallow clone, a commit not fetched says so).
    public func commit(_ revision: String) async throws(Failure) -> String {
        let notARepository = Failure("\(folder) is not inside a git repository: run Herald in a clone of the registry's repository, or without the git options")
        let inside: [UInt8]
        do {
            inside = try await run(["rev-parse", "--is-inside-work-tree"])
        } catch {
            throw error.description.contains("not a git repository") ? notARepository : error
        }
        guard String(decoding: inside, as: UTF8.self).hasPrefix("true") else {
            throw notARepository
        }
        do {
            let id = try await run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
            return String(decoding: id, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            let shallow = (try? await run(["rev-parse", "--is-shallow-repository"])).map { String(decoding: $0, as: UTF8.self).hasPrefix("true") } ?? false
            // A shallow clone is a setup to fix, not a wrong argument.
            throw Failure("\(revision) names no commit in this repository"
                          + (shallow ? " (this clone is shallow: fetch more history, e.g. `git fetch --unshallow` or actions/checkout with fetch-depth: 0)" : ": give a branch, a tag or a commit id"),
                          unknownRevision: !shallow)
        }
    }
}
