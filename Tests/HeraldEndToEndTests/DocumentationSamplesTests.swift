import Foundation
import Testing

/// The command output the README and docs/ show is the output of the command shown, on the shipped
/// inventory, as of the date the command names: each sample is run and compared. A sample is the code
/// block after `<!-- sample … -->`; each `$ herald …` (or `$ swift run herald …`) line in it is followed by
/// what that command prints. Run with HERALD_UPDATE_SAMPLES=1 to write the current output into the files.
@Suite(.serialized) struct DocumentationSamplesTests {
    static let repository = HeraldProcess.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let marker = "<!-- sample"

    static var documents: [URL] {
        let docs = repository.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return [repository.appendingPathComponent("README.md")] + names.filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
    }

    /// The document with every sample's output replaced by what its commands print now.
    static func regenerated(_ text: String, in herald: HeraldProcess) throws -> String {
        var lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].hasPrefix(marker), index + 1 < lines.count, lines[index + 1] == "```" else { continue }
            let start = index + 2
            guard let end = lines[start...].firstIndex(of: "```") else { continue }
            var block: [String] = []
            for line in lines[start..<end] where line.hasPrefix("$ ") {
                let words = line.dropFirst(2).split(separator: " ").map(String.init)
                let arguments = Array(words.drop { $0 == "swift" || $0 == "run" || $0 == "herald" })
                #expect(arguments.contains("--as-of"), "\(line): a sample names the date it is for")
                let output = try herald.run(arguments)
                block.append(line)
                block += (output.stdout + output.stderr).components(separatedBy: "\n").dropLast()
            }
            lines.replaceSubrange(start..<end, with: block)
            index = start + block.count
        }
        return lines.joined(separator: "\n")
    }

    @Test func everySampleIsWhatItsCommandPrints() throws {
        let update = ProcessInfo.processInfo.environment["HERALD_UPDATE_SAMPLES"] == "1"
        var samples = 0
        for document in Self.documents {
            let text = try String(contentsOf: document, encoding: .utf8)
            guard text.contains(Self.marker) else { continue }
            samples += text.components(separatedBy: Self.marker).count - 1
            let herald = try HeraldProcess.withShippedInventory()
            defer { herald.remove() }
            let current = try Self.regenerated(text, in: herald)
            if update {
                try current.write(to: document, atomically: true, encoding: .utf8)
            } else {
                #expect(current == text, "\(document.lastPathComponent): a sample is out of date; run the tests with HERALD_UPDATE_SAMPLES=1 and review the diff")
            }
        }
        #expect(samples >= 3)
    }

    @Test func theFormatDocumentsExampleAccountPassesInTheExampleRegistry() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/inventory-format.md"), encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- example account"))
        let start = try #require(text.range(of: "```yaml\n", range: marker.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let path = "Inventory/accounts/public-health/instagram-fairhavenhealth.yaml"
        try String(text[start.upperBound..<end.lowerBound]).write(to: herald.directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
        let check = try herald.run(["check", path, "--as-of", "2026-11-24"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Checked 1 account: no problems found"), "\(check.stdout)")
    }
}
