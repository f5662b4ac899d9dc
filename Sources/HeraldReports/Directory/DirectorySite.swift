import HeraldCore
import Mustache

/// `herald publish`: the public directory as a static site, one folder that any web server or GitHub/GitLab
/// Pages can host: `index.html` (every official account by unit, the formerly official ones, the reported
/// impostors, and a lookup that answers in the page), `directory.css`, `lookup.js`, and two JSON feeds
/// (`accounts.json` for a "follow us" page, `verify.json` for other tools). Nothing is fetched from
/// anywhere; the page's Content-Security-Policy allows only its own script and style. With scripts off
/// the lists are all there, each entry with an anchor (`#x-fairhavenparks`). The same directory gives the
/// same bytes.
public struct DirectorySite: Sendable {
    /// One file of the site: its name in the folder and its bytes.
    public struct File: Sendable {
        public let name: String
        public let bytes: [UInt8]
    }

    /// The version of `accounts.json` and `verify.json` (`herald_directory`); it changes only when a key
    /// changes meaning or disappears.
    public static let feedVersion = 1
    static let sectionsMarker = "\u{0}herald:directory-sections\u{0}"

    private let template: MustacheTemplate

    /// The built-in page, which the tests render.
    public static let builtIn: DirectorySite = {
        do { return try DirectorySite() } catch { fatalError("the built-in directory template does not parse: \(error)") }
    }()

    /// The built-in page template (`herald publish --template` takes an edited copy).
    public static let defaultTemplate = String(decoding: PackageResources.directory_mustache, as: UTF8.self)

    /// - Throws: `HTMLReport.TemplateError` with the place when `source` is not valid Mustache.
    public init(template source: String = DirectorySite.defaultTemplate, name: String = "built-in template") throws(HTMLReport.TemplateError) {
        template = try HTMLEscaping.compile(source, name: name)
    }

    /// Up to this many entries, every list is in index.html (one page to search with the browser's Find);
    /// above it, each unit's official accounts are on a page of their own (`units/<unit>.html`), so that
    /// the page with the lookup stays small: a registry of 100,000 accounts made a 37 MB index.html that
    /// took a browser over 15 seconds to open.
    public static let inlineLimit = 5_000

    /// Every file of the site, sorted by name.
    public func render(_ directory: PublicDirectory, inlineLimit: Int = DirectorySite.inlineLimit) -> [File] {
        let official = directory.entries.filter { $0.standing == .official }
        let former = directory.entries.filter { $0.standing == .formerlyOfficial }
        let impostors = directory.entries.filter { $0.standing == .impostor }
        let inline = directory.entries.count <= inlineLimit
        // Grouped by unit id (two units may share a display name), in the entries' order.
        var units: [(name: String, slug: String, entries: [PublicDirectory.Entry])] = []
        var unitIndex: [String: Int] = [:]
        for entry in official {
            let id = entry.unitID ?? ""
            if let index = unitIndex[id] { units[index].entries.append(entry) } else {
                unitIndex[id] = units.count
                units.append((entry.unitName ?? entry.unitID ?? "Other accounts", PublicDirectory.slug(id.isEmpty ? "other" : id), [entry]))
            }
        }
        let anchors = Self.uniqueAnchors(directory.entries)
        var hrefs: [ObjectIdentifier: String] = [:]
        for unit in units {
            for entry in unit.entries { hrefs[ObjectIdentifier(entry)] = (inline ? "" : "units/\(unit.slug).html") + "#" + anchors[ObjectIdentifier(entry)]! }
        }
        for entry in former + impostors { hrefs[ObjectIdentifier(entry)] = "#" + anchors[ObjectIdentifier(entry)]! }

        var sections = HTMLText(capacity: (inline ? directory.entries.count : former.count + impostors.count) * 400 + 4096)
        var files: [File] = []
        for unit in units {
            var list = HTMLText(capacity: unit.entries.count * 400 + 1024)
            Self.section("unit-" + unit.slug, unit.name, nil, unit.entries, anchors, into: &list, className: "unit")
            if inline {
                sections.append(list)
            } else {
                files.append(File(name: "units/\(unit.slug).html", bytes: Self.unitPage(unit.name, list, directory)))
            }
        }
        Self.section("formerly-official", "Formerly official", "Retired accounts: nothing official is posted from them now. Where an entry says the handle is held, the organisation keeps it so that no one else can use it.",
                     former, anchors, into: &sections, className: "former")
        Self.section("impostors", "Reported impostors: NOT official", "Accounts reported to the platforms for pretending to be the organisation. Do not follow them or send them anything.",
                     impostors, anchors, into: &sections, className: "impostors")
        let context: [String: Any] = [
            "organisation": HTMLReportModel.safe(directory.organisation), "as_of": directory.asOf.description, "tool_version": HeraldVersion.current,
            "advice": HTMLReportModel.safe(directory.advice),
            "units": units.map { ["name": HTMLReportModel.safe($0.name), "href": inline ? "#unit-" + $0.slug : "units/\($0.slug).html", "count": $0.entries.count] as [String: Any] },
            "has_former": !former.isEmpty, "former_count": former.count, "has_impostors": !impostors.isEmpty, "impostor_count": impostors.count,
            "split": !inline, "sections": Self.sectionsMarker, "platform_table": String(decoding: Self.platformTable(), as: UTF8.self),
        ]
        let page = template.render(context)
        var index: [UInt8] = []
        for (number, part) in page.split(separator: Self.sectionsMarker, omittingEmptySubsequences: false).enumerated() {
            if number > 0 { index += sections.bytes }
            index += Array(part.utf8)
        }
        files += [
            File(name: "accounts.json", bytes: Self.accountsFeed(directory, official)),
            File(name: "directory.css", bytes: Array(PackageResources.directory_css)),
            File(name: "index.html", bytes: index),
            File(name: "lookup-data.js", bytes: Self.lookupData(directory.entries + directory.unconfirmed, hrefs)),
            File(name: "lookup.js", bytes: Array(PackageResources.lookup_js)),
            File(name: "verify.json", bytes: Self.verifyFeed(directory)),
        ]
        return files.sorted { $0.name < $1.name }
    }

    /// A unit's page when the lists are split: its official accounts, the same style, a way back.
    private static func unitPage(_ name: String, _ list: HTMLText, _ directory: PublicDirectory) -> [UInt8] {
        var html = HTMLText(capacity: list.bytes.count + 2048)
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'\">\n")
        html.raw("<title>"); html.text(HTMLReportModel.safe(directory.organisation)); html.raw(": "); html.text(HTMLReportModel.safe(name))
        html.raw(", official social media accounts</title>\n<link rel=\"stylesheet\" href=\"../directory.css\">\n</head>\n<body>\n<header>\n<p><a href=\"../index.html\">")
        html.text(HTMLReportModel.safe(directory.organisation)); html.raw(": every official account, and the check</a></p>\n<h1>")
        html.text(HTMLReportModel.safe(name)); html.raw(": official social media accounts</h1>\n</header>\n<main id=\"main\">\n")
        html.append(list)
        html.raw("</main>\n<footer>\n<p>From the register of official accounts as of "); html.text(directory.asOf.description); html.raw(".</p>\n</footer>\n</body>\n</html>\n")
        return html.bytes
    }

    /// `lookup-data.js`: what the lookup matches, one array per entry — standing, what to show, the unit,
    /// where the entry is listed, the retirement date, whether the handle is held, the report date, the
    /// impostor's status, and the identity keys. A script file, not a fetch: it loads from `file:` too.
    static func lookupData(_ entries: [PublicDirectory.Entry], _ hrefs: [ObjectIdentifier: String]) -> [UInt8] {
        var json = JSONWriter(compact: true)
        json.array { json in
            for entry in entries {
                json.array { json in
                    json.string(entry.standing.rawValue)
                    json.string(HTMLReportModel.safe(entry.shown))
                    json.string(HTMLReportModel.safe(entry.unitName ?? entry.unitID ?? ""))
                    json.string(hrefs[ObjectIdentifier(entry)] ?? "")
                    json.string(entry.retiredOn?.description ?? "")
                    json.bool(entry.handleHeld)
                    json.string(entry.reported?.description ?? "")
                    json.string(entry.impostorStatus.map(words) ?? "")
                    json.array { json in for key in entry.keys { json.string(key) } }
                }
            }
        }
        return Array("window.HERALD_DIRECTORY = ".utf8) + json.drain() + Array(";\n".utf8)
    }

    // MARK: The page

    private static func section(_ id: String, _ title: String, _ intro: String?, _ entries: [PublicDirectory.Entry],
                                _ anchors: [ObjectIdentifier: String], into html: inout HTMLText, className: StaticString) {
        guard !entries.isEmpty else { return }
        html.raw("<section class=\""); html.raw(className); html.raw("\" aria-labelledby=\""); html.text(id); html.raw("-heading\">\n<h2 id=\"")
        html.text(id); html.raw("\"><span id=\""); html.text(id); html.raw("-heading\">"); html.text(HTMLReportModel.safe(title)); html.raw("</span></h2>\n")
        if let intro { html.raw("<p>"); html.text(intro); html.raw("</p>\n") }
        html.raw("<ul class=\"accounts\">\n")
        for entry in entries { row(entry, anchor: anchors[ObjectIdentifier(entry)] ?? entry.anchor, into: &html) }
        html.raw("</ul>\n</section>\n")
    }

    /// One entry: what the lookup reads is in its `data-` attributes, what people read in its text. An
    /// impostor's address is shown as text, never as a link: the directory does not send anyone there.
    private static func row(_ entry: PublicDirectory.Entry, anchor: String, into html: inout HTMLText) {
        html.raw("<li id=\""); html.text(anchor); html.raw("\" data-standing=\""); html.text(entry.standing.rawValue); html.raw("\">")
        if entry.standing == .impostor { html.raw("<strong class=\"standing impostor\">NOT official:</strong> ") }
        html.raw("<span class=\"platform\">"); html.text(entry.platform.rawValue); html.raw("</span> ")
        let label = entry.handle.map { "@" + $0 } ?? entry.url ?? ""
        if entry.standing != .impostor, let url = entry.url, url.lowercased().hasPrefix("https://") {
            html.raw("<a href=\""); html.text(url); html.raw("\" rel=\"noopener noreferrer\">"); html.text(HTMLReportModel.safe(label)); html.raw("</a>")
        } else {
            html.text(HTMLReportModel.safe(label))
        }
        if let name = entry.name { html.raw(" <span class=\"name\">"); html.text(HTMLReportModel.safe(name)); html.raw("</span>") }
        switch entry.standing {
        case .official, .unconfirmed: break
        case .formerlyOfficial:
            html.raw(" <span class=\"note\">(retired "); html.text(entry.retiredOn?.description ?? "")
            html.raw(entry.handleHeld ? "; the handle is held)</span>" : ")</span>")
        case .impostor:
            html.raw(" <span class=\"note\">(pretends to be "); html.text(HTMLReportModel.safe(entry.unitName ?? entry.unitID ?? "the organisation"))
            html.raw("; reported "); html.text(entry.reported?.description ?? ""); html.raw(", "); html.text(entry.impostorStatus.map(Self.words) ?? "")
            html.raw(")</span>")
        }
        html.raw("</li>\n")
    }

    public static func words(_ status: Impostor.Status) -> String {
        switch status {
        case .reported: return "reported to the platform, not yet removed"
        case .removed: return "removed by the platform"
        case .refused: return "the platform did not remove it"
        }
    }

    /// Each entry's anchor, unique in the site (a second entry of the same name gets `-2`).
    private static func uniqueAnchors(_ entries: [PublicDirectory.Entry]) -> [ObjectIdentifier: String] {
        var used: [String: Int] = [:], anchors: [ObjectIdentifier: String] = [:]
        for entry in entries {
            let count = used[entry.anchor, default: 0] + 1
            used[entry.anchor] = count
            anchors[ObjectIdentifier(entry)] = count == 1 ? entry.anchor : entry.anchor + "-\(count)"
        }
        return anchors
    }

    /// The platform table as lookup.js reads it: each platform's hosts, address forms, tabs, and how each
    /// kind of identifier compares. `<` is written `\u003c`, so no value can end the script element.
    static func platformTable() -> [UInt8] {
        var json = JSONWriter(compact: true)
        json.array { json in
            for platform in Platform.allCases {
                let profile = PlatformProfile.of(platform)
                json.object { json in
                    json.key("id"); json.string(platform.rawValue)
                    json.key("hosts"); json.array { json in for host in profile.hosts { json.string(host) } }
                    json.key("addresses"); json.array { json in
                        for form in profile.addresses {
                            json.object { json in
                                json.key("path"); json.array { json in for segment in form.path { json.string(segment) } }
                                json.key("query"); json.string(form.query)
                                json.key("kind"); json.string(form.kind.rawValue)
                            }
                        }
                    }
                    json.key("tabs"); json.array { json in for tab in profile.tabs { json.string(tab.lowercased()) } }
                    json.key("kinds"); json.object { json in
                        for rule in profile.handleKinds + (profile.stableID.map { [$0.rule] } ?? []) {
                            json.key(computed: rule.kind.rawValue); json.object { json in
                                json.key("stable"); json.bool(rule.kind.isStable)
                                json.key("caseSensitive"); json.bool(rule.caseSensitive)
                                json.key("ignoresPeriods"); json.bool(rule.ignoresPeriods)
                            }
                        }
                    }
                }
            }
        }
        return json.drain().flatMap { $0 == UInt8(ascii: "<") ? Array("\\u003c".utf8) : [$0] }
    }

    // MARK: The feeds

    /// `accounts.json`: the official accounts, for an organisation's "follow us" page.
    static func accountsFeed(_ directory: PublicDirectory, _ official: [PublicDirectory.Entry]) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.key("herald_directory"); json.number(feedVersion)
            json.key("organisation"); json.string(directory.organisation)
            json.key("as_of"); json.string(directory.asOf.description)
            json.key("accounts"); json.array { json in for entry in official { write(entry, keys: false, to: &json) } }
        }
        return json.drain() + [UInt8(ascii: "\n")]
    }

    /// `verify.json`: every entry with its standing and the keys a lookup matches, and the advice.
    static func verifyFeed(_ directory: PublicDirectory) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.key("herald_directory"); json.number(feedVersion)
            json.key("organisation"); json.string(directory.organisation)
            json.key("as_of"); json.string(directory.asOf.description)
            json.key("advice"); json.string(directory.advice)
            json.key("entries"); json.array { json in for entry in directory.entries + directory.unconfirmed { write(entry, keys: true, to: &json) } }
        }
        return json.drain() + [UInt8(ascii: "\n")]
    }

    private static func write(_ entry: PublicDirectory.Entry, keys: Bool, to json: inout JSONWriter) {
        json.object { json in
            json.key("standing"); json.string(entry.standing.rawValue)
            json.key("platform"); json.string(entry.platform.rawValue)
            json.key("handle"); json.string(entry.handle)
            json.key("url"); json.string(entry.url)
            json.key("name"); json.string(entry.name)
            json.key("unit"); json.string(entry.unitID)
            json.key("unit_name"); json.string(entry.unitName)
            if entry.standing == .formerlyOfficial {
                json.key("retired_on"); json.string(entry.retiredOn?.description)
                json.key("handle_held"); json.bool(entry.handleHeld)
            }
            if entry.standing == .impostor {
                json.key("reported"); json.string(entry.reported?.description)
                json.key("impostor_status"); json.string(entry.impostorStatus?.rawValue)
            }
            if keys { json.key("keys"); json.array { json in for key in entry.keys { json.string(key) } } }
        }
    }
}
