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

    /// Every file of the site, sorted by name.
    public func render(_ directory: PublicDirectory) -> [File] {
        let official = directory.entries.filter { $0.standing == .official }
        let former = directory.entries.filter { $0.standing == .formerlyOfficial }
        let impostors = directory.entries.filter { $0.standing == .impostor }
        var units: [(name: String, anchor: String, entries: [PublicDirectory.Entry])] = []
        for entry in official {
            let name = entry.unitName ?? entry.unitID ?? "Other accounts"
            if units.last?.name == name { units[units.count - 1].entries.append(entry) } else {
                units.append((name, "unit-" + PublicDirectory.slug(name), [entry]))
            }
        }
        let anchors = Self.uniqueAnchors(directory.entries)
        var sections = HTMLText(capacity: directory.entries.count * 400 + 4096)
        for unit in units {
            sections.raw("<section class=\"unit\" aria-labelledby=\""); sections.text(unit.anchor); sections.raw("-heading\">\n<h2 id=\"")
            sections.text(unit.anchor); sections.raw("\"><span id=\""); sections.text(unit.anchor); sections.raw("-heading\">")
            sections.text(unit.name); sections.raw("</span></h2>\n<ul class=\"accounts\">\n")
            for entry in unit.entries { Self.row(entry, anchor: anchors[entry.anchor + entry.shown] ?? entry.anchor, into: &sections) }
            sections.raw("</ul>\n</section>\n")
        }
        Self.section("formerly-official", "Formerly official", "Retired accounts. The organisation keeps a retired account's handle so that no one else can use it; nothing official is posted from them now.",
                     former, anchors, into: &sections)
        Self.section("impostors", "Reported impostors: NOT official", "Accounts reported to the platforms for pretending to be the organisation. Do not follow them or send them anything.",
                     impostors, anchors, into: &sections, className: "impostors")
        let context: [String: Any] = [
            "organisation": HTMLReportModel.safe(directory.organisation), "as_of": directory.asOf.description, "tool_version": HeraldVersion.current,
            "advice": HTMLReportModel.safe(directory.advice),
            "units": units.map { ["name": HTMLReportModel.safe($0.name), "anchor": $0.anchor, "count": $0.entries.count] as [String: Any] },
            "has_former": !former.isEmpty, "former_count": former.count, "has_impostors": !impostors.isEmpty, "impostor_count": impostors.count,
            "sections": Self.sectionsMarker, "platform_table": String(decoding: Self.platformTable(), as: UTF8.self),
        ]
        let page = template.render(context)
        var index: [UInt8] = []
        for (number, part) in page.split(separator: Self.sectionsMarker, omittingEmptySubsequences: false).enumerated() {
            if number > 0 { index += sections.bytes }
            index += Array(part.utf8)
        }
        return [
            File(name: "accounts.json", bytes: Self.accountsFeed(directory, official)),
            File(name: "directory.css", bytes: Array(PackageResources.directory_css)),
            File(name: "index.html", bytes: index),
            File(name: "lookup.js", bytes: Array(PackageResources.lookup_js)),
            File(name: "verify.json", bytes: Self.verifyFeed(directory)),
        ]
    }

    // MARK: The page

    private static func section(_ id: StaticString, _ title: StaticString, _ intro: StaticString, _ entries: [PublicDirectory.Entry],
                                _ anchors: [String: String], into html: inout HTMLText, className: StaticString = "former") {
        guard !entries.isEmpty else { return }
        html.raw("<section class=\""); html.raw(className); html.raw("\" aria-labelledby=\""); html.raw(id); html.raw("-heading\">\n<h2 id=\"")
        html.raw(id); html.raw("\"><span id=\""); html.raw(id); html.raw("-heading\">"); html.raw(title); html.raw("</span></h2>\n<p>")
        html.raw(intro); html.raw("</p>\n<ul class=\"accounts\">\n")
        for entry in entries { row(entry, anchor: anchors[entry.anchor + entry.shown] ?? entry.anchor, into: &html) }
        html.raw("</ul>\n</section>\n")
    }

    /// One entry: what the lookup reads is in its `data-` attributes, what people read in its text. An
    /// impostor's address is shown as text, never as a link: the directory does not send anyone there.
    private static func row(_ entry: PublicDirectory.Entry, anchor: String, into html: inout HTMLText) {
        html.raw("<li id=\""); html.text(anchor); html.raw("\" data-standing=\""); html.text(entry.standing.rawValue)
        html.raw("\" data-shown=\""); html.text(HTMLReportModel.safe(entry.shown))
        html.raw("\" data-unit=\""); html.text(HTMLReportModel.safe(entry.unitName ?? entry.unitID ?? ""))
        if let retired = entry.retiredOn { html.raw("\" data-retired=\""); html.text(retired.description) }
        if entry.standing == .formerlyOfficial { html.raw("\" data-held=\""); html.raw(entry.handleHeld ? "true" : "false") }
        if let reported = entry.reported { html.raw("\" data-reported=\""); html.text(reported.description) }
        if let status = entry.impostorStatus { html.raw("\" data-status=\""); html.text(Self.words(status)) }
        html.raw("\" data-keys=\""); html.text(String(decoding: keysJSON(entry.keys), as: UTF8.self)); html.raw("\">")
        html.raw("<span class=\"platform\">"); html.text(entry.platform.rawValue); html.raw("</span> ")
        let label = entry.handle.map { "@" + $0 } ?? entry.url ?? ""
        if entry.standing != .impostor, let url = entry.url, url.lowercased().hasPrefix("https://") {
            html.raw("<a href=\""); html.text(url); html.raw("\" rel=\"noopener noreferrer\">"); html.text(HTMLReportModel.safe(label)); html.raw("</a>")
        } else {
            html.text(HTMLReportModel.safe(label))
        }
        if let name = entry.name { html.raw(" <span class=\"name\">"); html.text(HTMLReportModel.safe(name)); html.raw("</span>") }
        switch entry.standing {
        case .official: break
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

    /// Each entry's anchor, unique in the page (a second entry of the same name gets `-2`).
    private static func uniqueAnchors(_ entries: [PublicDirectory.Entry]) -> [String: String] {
        var used: [String: Int] = [:], anchors: [String: String] = [:]
        for entry in entries {
            let count = used[entry.anchor, default: 0] + 1
            used[entry.anchor] = count
            anchors[entry.anchor + entry.shown] = anchors[entry.anchor + entry.shown] ?? (count == 1 ? entry.anchor : entry.anchor + "-\(count)")
        }
        return anchors
    }

    private static func keysJSON(_ keys: [String]) -> [UInt8] {
        var json = JSONWriter(compact: true)
        json.array { json in for key in keys { json.string(key) } }
        return json.drain()
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
                            json.key(rule.kind.rawValue); json.object { json in
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
            json.key("entries"); json.array { json in for entry in directory.entries { write(entry, keys: true, to: &json) } }
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
