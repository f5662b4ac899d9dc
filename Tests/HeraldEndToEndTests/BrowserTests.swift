import Foundation
import HeraldTestSupport
import Testing

/// report.html as the communications office sees it: rendered by a real browser (headless Chromium).
/// `.ci/run` installs Debian's chromium; where it cannot be installed these tests are skipped, saying so.
@Suite(.enabled(if: Chromium.executable != nil, "chromium is not installed: run `apt-get install -y chromium` (.ci/run does) to render report.html in a real browser"))
struct BrowserTests {
    @Test func theShippedInventorysReportRendersWithItsCountsAndNoScriptRuns() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        // A display name pasted with a website's embed code still in it: it must stay text in the page.
        let tourism = herald.directory.appendingPathComponent("Inventory/accounts/tourism-board/instagram-visitfairhaven.yaml")
        let original = try String(contentsOf: tourism, encoding: .utf8)
        try original.replacingOccurrences(of: "name: Visit Fairhaven\n", with: "name: \"Visit Fairhaven <script>document.title='PWNED'</script>\"\n")
            .write(to: tourism, atomically: true, encoding: .utf8)
        #expect(try String(contentsOf: tourism, encoding: .utf8) != original)
        #expect(try herald.run(["audit", "--format", "html,json", "--as-of", "2026-11-24"]).status == 1)
        let report = herald.directory.appendingPathComponent("Reports/report.html")
        let json = try herald.json("Reports/report.json")
        let summary = try #require(json["summary"] as? [String: Int])

        let dom = try Chromium.dumpDOM(of: report)
        let page = try #require(MarkupDocument(html: Array(dom.utf8)))
        #expect(page.values("//*[@id='count-accounts']") == [String(summary["accounts"]!)])
        #expect(page.values("//*[@id='count-errors']") == [String(summary["errors"]!)])
        #expect(page.values("//*[@id='count-warnings']") == [String(summary["warnings"]!)])
        #expect(page.count("//table[@class='accounts']/tbody/tr") == summary["accounts"]!)
        #expect(page.values("//title").first?.hasPrefix("City of Fairhaven: social media audit") == true)
        #expect(page.values("//title") != ["PWNED"])
        #expect(page.count("//script") == 0)
        #expect(page.values("//span[@class='name']").contains("Visit Fairhaven <script>document.title='PWNED'</script>"))

        // Kept for people to look at: CI keeps .build/ as its artifacts.
        let screenshot = Repository.root.appendingPathComponent(".build/artifacts/report-shipped-inventory.png")
        try Chromium.screenshot(of: report, to: screenshot)
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// On a phone (375 CSS pixels wide): the page does not scroll sideways (only a wide table, in its own
    /// box), and no unit name breaks inside a word. Measured by a script added to a copy of the page (the
    /// report itself runs none: its Content-Security-Policy forbids scripts), shown in a 375-pixel frame
    /// (headless Chromium makes no window narrower than 500 pixels).
    @Test func atPhoneWidthThePageFitsAndUnitNamesBreakOnlyBetweenWords() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--format", "html", "--as-of", "2026-11-24"]).status == 1)
        let report = try String(contentsOf: herald.directory.appendingPathComponent("Reports/report.html"), encoding: .utf8)
        let policy = try #require(report.range(of: #"<meta http-equiv="Content-Security-Policy"[^>]*>"#, options: .regularExpression))
        let probe = """
            <script>
            const names = [...document.querySelectorAll('table.units th[scope=row] a, section.unit h2')];
            const broken = names.filter(element => {
              const text = element.firstChild; if (!text || text.nodeType !== 3) return false;
              const range = document.createRange(); let top = null;
              for (let i = 0; i < text.length; i++) {
                range.setStart(text, i); range.setEnd(text, i + 1);
                const rect = range.getBoundingClientRect(); if (rect.width === 0) continue;
                if (top !== null && rect.top > top + 2 && !/[\\s-]/.test(text.data[i - 1])) return true;
                top = rect.top;
              }
              return false;
            }).map(element => element.textContent);
            parent.document.body.setAttribute('data-probe', JSON.stringify({
              page: document.documentElement.scrollWidth, window: window.innerWidth, names: names.length, broken }));
            </script>
            """
        let measured = report.replacingCharacters(in: policy, with: "").replacingOccurrences(of: "</body>", with: probe + "</body>")
        let page = herald.directory.appendingPathComponent("Reports/report-probe.html")
        try measured.write(to: page, atomically: true, encoding: .utf8)
        let phone = herald.directory.appendingPathComponent("Reports/phone.html")
        try #"<!DOCTYPE html><html><body><iframe src="report-probe.html" width="375" height="900"></iframe></body></html>"#
            .write(to: phone, atomically: true, encoding: .utf8)
        let dom = try Chromium.dumpDOM(of: phone, extra: ["--allow-file-access-from-files", "--virtual-time-budget=5000"])
        let document = try #require(MarkupDocument(html: Array(dom.utf8)))
        let json = try #require(document.values("//body/@data-probe").first, "the probe did not run")
        let probe_ = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((probe_["names"] as? Int ?? 0) >= 18, "unit names in the table and the sections")
        #expect(probe_["window"] as? Int == 375)
        #expect((probe_["page"] as? Int ?? .max) <= (probe_["window"] as? Int ?? 0), "the page scrolls sideways: \(json)")
        #expect((probe_["broken"] as? [String]) == [], "unit names broken inside a word: \(json)")
    }

    @Test func theHostileInventorysInjectedMarkupNeverRuns() throws {
        let herald = try HeraldProcess(fixture: "HostileInventory")
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--format", "html", "--as-of", "2026-11-24"]).status == 1)
        let dom = try Chromium.dumpDOM(of: herald.directory.appendingPathComponent("Reports/report.html"))
        let page = try #require(MarkupDocument(html: Array(dom.utf8)))
        #expect(page.values("//title").first?.hasPrefix("Fairhaven <b>\"Board\"</b> & 'Co': social media audit") == true)
        #expect(page.count("//script | //img | //svg[@onload] | //iframe") == 0)
        #expect(page.count("//@*[starts-with(name(), 'on')]") == 0)
    }
}

/// Headless Chromium, found on the PATH.
enum Chromium {
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    /// The DOM after the page loaded (and after any script would have run).
    static func dumpDOM(of page: URL, extra: [String] = []) throws -> String {
        try run(["--dump-dom"] + extra + [page.absoluteString])
    }

    static func screenshot(of page: URL, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try run(["--screenshot=\(file.path)", "--window-size=1280,2000", "--hide-scrollbars", page.absoluteString])
    }

    private static func run(_ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("herald-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        guard let chromium = Chromium.executable else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = chromium
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)"] + arguments
        let output = profile.appendingPathExtension("out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs must not hang the test run: a minute is far more than a page needs.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("chromium \(arguments.first ?? "") did not finish within a minute")
        }
        #expect(process.terminationStatus == 0, "chromium \(arguments.first ?? "") exited with \(process.terminationStatus)")
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}
