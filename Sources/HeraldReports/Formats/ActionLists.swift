import HeraldCore

/// `owners/`: one action list per person who has something to do, in Markdown (to e-mail or post as an
/// issue) and JSON (for the job that sends it), and one for the communications office. Herald sends
/// nothing and holds no mail credentials: a CI job reads these files (docs/workflows.md, "Action lists").
///
/// - `owners/<person-id>.md` and `.json`: for an owner, the findings that count on the accounts they own,
///   each with what to do and the file and line; for a unit maintainer, a roll-up of each unit they
///   maintain: failing accounts, expired waivers, owners who have left, findings in the unit file. Only
///   people in `people.yaml` who are current staff and have something to do get a list; a list holds only
///   what concerns its person.
/// - `owners/_comms-office.md` and `.json`: the active accounts whose every owner has left (or names no
///   owner at all), which nobody else is left to act on; written only when there are such accounts.
///
/// A person id is the file's name when it is made of letters, digits, `.`, `_` and `-` and starts with a
/// letter or digit; any other byte is written `%XX`, so no id can name a file outside the folder.
public enum ActionLists {
    /// The folder inside the report folder.
    public static let folderName = "owners"
    /// The communications office's list: a name no person id gives (ids are written from a letter or digit).
    public static let commsOfficeStem = "_comms-office"

    /// One file of the folder: its name inside `owners/` and its bytes.
    public struct File: Sendable {
        public let name: String
        public let bytes: [UInt8]
    }

    /// Every file of the folder, sorted by name (the tests; `render(_:into:)` streams them).
    public static func render(_ result: AuditResult) -> [File] {
        var files: [File] = []
        try? render(result) { files += $0 }
        return files.sorted { $0.name < $1.name }
    }

    /// Hands the folder's files to `consume` a few hundred people at a time, rendered on every core: a
    /// registry adopting Herald gives every person a list (40,000 files, 500 MB on 100,000 accounts),
    /// which held whole in memory took a gigabyte. The communications office's list comes last.
    public static func render(_ result: AuditResult, into consume: ([File]) throws -> Void) throws {
        let index = Index(result)
        let people = result.registry.people.values.filter(\.active).sorted { $0.id < $1.id }
        let groups = stride(from: 0, to: people.count, by: peoplePerPiece).map { Array(people[$0 ..< min(people.count, $0 + peoplePerPiece)]) }
        try Fragments.render(groups, { group in
            var files: [File] = []
            for person in group {
                let owned = index.owned[person.id, default: []]  // failing accounts only
                let units = (index.maintained[person.id] ?? []).compactMap { index.rollUps[$0] }
                let own = index.personal[person.id] ?? []
                guard !owned.isEmpty || !units.isEmpty || !own.isEmpty else { continue }
                let list = PersonList(person: person, own: own, owned: owned, units: units)
                let stem = fileStem(for: person.id)
                files.append(File(name: stem + ".json", bytes: list.json(result, index)))
                files.append(File(name: stem + ".md", bytes: Array(list.markdown(result, index).utf8)))
            }
            return files
        }, into: consume)
        // Like everyone's, the office's list is written only when there is something to do.
        let orphaned = index.orphaned
        if !orphaned.isEmpty {
            try consume([File(name: commsOfficeStem + ".json", bytes: commsOfficeJSON(result, orphaned)),
                         File(name: commsOfficeStem + ".md", bytes: Array(commsOfficeMarkdown(result, orphaned).utf8))])
        }
    }

    /// People rendered per piece: enough to keep each core busy, few enough that a batch of pieces
    /// (`Fragments.batchSize`) stays a few megabytes.
    static let peoplePerPiece = 128

    /// `jdoe` → `jdoe`; `../x` → `%2E%2E%2Fx`.
    public static func fileStem(for id: String) -> String {
        var stem = ""
        for (offset, byte) in id.utf8.enumerated() {
            let alphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            let punctuation = byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            if alphanumeric || (punctuation && offset > 0) {
                stem.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                stem += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return stem.isEmpty ? "%" : stem
    }

    // MARK: What each list is made of

    /// The audit's accounts by owner and units by maintainer, found once.
    struct Index {
        let result: AuditResult
        /// Failing accounts' indexes by the owner ids they name.
        var owned: [String: [Int]] = [:]
        /// Unit ids by their maintainers' ids.
        var maintained: [String: [String]] = [:]
        /// Account indexes by unit key.
        var byUnit: [String: [Int]] = [:]
        /// By unit key: the owners who have left, each with the position of an account (not retired) that
        /// still names them, in account order; found while the accounts are read for their owners.
        var departed: [String: [(owner: String, position: Int)]] = [:]
        /// Findings that count in people.yaml, by the person whose entry they point into (an overdue
        /// training, a private address: the person's own to fix).
        var personal: [String: [Finding]] = [:]
        /// By account index: whether the account has a finding that counts (`counted` is not empty).
        let isFailing: [Bool]
        /// The units' summaries by unit id (looked up for every maintainer's roll-up).
        let summaries: [String: AuditResult.UnitSummary]
        /// Whether each person is a current member of staff, by person id: looked up for every owner of
        /// every account, where reading it off the registry copied the whole person each time.
        let isActive: [String: Bool]
        /// Active accounts none of whose owners is a current member of staff, found while the accounts are
        /// read for their owners (a pass of its own, at the end of the folder, was its last 40 ms).
        let orphaned: [Int]
        /// Findings that count in each unit's file, by unit id.
        var unitFileFindings: [String: [Finding]] = [:]
        /// What the maintainers of each maintained unit must see, by unit id; a unit with nothing to act on
        /// has none. Worked out once per unit, on every core, rather than once per maintainer.
        var rollUps: [String: UnitRollUp] = [:]

        init(_ result: AuditResult) {
            self.result = result
            // The audit counted each account's findings that count: its errors and warnings.
            isFailing = result.accounts.map(\.isFailing)
            summaries = Dictionary(result.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let isActive = result.registry.people.mapValues(\.active)
            self.isActive = isActive
            // The accounts are read in chunks on every core (each account is far from the cache by now);
            // the chunks' lists are joined in order.
            let failing = isFailing
            let chunks = ParallelMap.map(Fragments.chunks(of: 0 ..< result.accountCount), chunkSize: 1) { chunk in
                ChunkIndex(result.accounts[chunk], from: chunk.lowerBound, isActive: isActive, isFailing: failing)
            }
            for chunk in chunks {
                for (owner, position) in chunk.owned { owned[owner, default: []].append(position) }
                for (unit, positions) in chunk.runs { byUnit[unit, default: []].append(contentsOf: positions) }
                for (unit, owner, position) in chunk.departed { departed[unit, default: []].append((owner, position)) }
            }
            orphaned = chunks.flatMap(\.orphans)
            for finding in result.organisationFindings where finding.counts {
                if let unit = finding.unit { unitFileFindings[unit, default: []].append(finding) }
            }
            for unit in result.registry.units.values.sorted(by: { $0.id < $1.id }) {
                for maintainer in Set(unit.maintainers.map(\.value)) { maintained[maintainer, default: []].append(unit.id) }
            }
            // An entry runs from its line to the next entry's: a finding belongs to the last entry that
            // starts at or before it.
            let peopleFile = result.registry.path("people.yaml")
            let entries = result.registry.people.values.map { ($0.location.line, $0.id) }.sorted { $0 < $1 }
            for finding in result.organisationFindings where finding.file == peopleFile && finding.counts {
                // The last entry starting at or before the finding's line, found by halving: a registry
                // adopting Herald has a finding for most of its people.
                var low = 0, high = entries.count
                while low < high {
                    let middle = (low + high) / 2
                    if entries[middle].0 <= finding.location.line { low = middle + 1 } else { high = middle }
                }
                guard low > 0 else { continue }
                personal[entries[low - 1].1, default: []].append(finding)
            }
            let index = self
            let maintainedUnits = Set(maintained.values.joined()).sorted()
            let found = ParallelMap.map(maintainedUnits, chunkSize: 16) { index.rollUp(of: $0) }
            rollUps = Dictionary(zip(maintainedUnits, found).compactMap { unit, rollUp in rollUp.map { (unit, $0) } }) { first, _ in first }
        }

        /// What the index takes from one chunk of accounts, read on the chunk's core.
        private struct ChunkIndex: Sendable {
            /// Owners of the chunk's failing accounts, each once per account, with the account's position:
            /// an action list names only the accounts with something to do.
            var owned: [(owner: String, position: Int)] = []
            /// Runs of one unit's accounts (accounts come folder by folder).
            var runs: [(unit: String, positions: Range<Int>)] = []
            var orphans: [Int] = []
            /// Owners who have left, named by accounts that are not retired, with the account's unit key and
            /// position (a unit's roll-up lists them).
            var departed: [(unit: String, owner: String, position: Int)] = []

            init(_ accounts: AuditedAccounts.SubSequence, from start: Int, isActive: [String: Bool], isFailing: [Bool]) {
                for (offset, audited) in accounts.enumerated() {
                    let position = start + offset
                    let owners = audited.account.owners?.value ?? []
                    let isRetired = audited.account.isRetired
                    var hasCurrentOwner = false
                    for owner in owners {
                        switch isActive[owner.value] {
                        case true?: hasCurrentOwner = true
                        case false?: if !isRetired { departed.append((audited.unitKey, owner.value, position)) }
                        case nil: break  // not in people.yaml: owner-assigned reports it
                        }
                    }
                    if audited.account.wasRead, !isRetired, !hasCurrentOwner { orphans.append(position) }
                    // Each owner once, however often the file names them (a set per account cost more than this).
                    if isFailing[position] {
                        for (number, owner) in owners.enumerated() where !owners[..<number].contains(where: { $0.value == owner.value }) {
                            owned.append((owner.value, position))
                        }
                    }
                    if let last = runs.last, last.unit == audited.unitKey {
                        runs[runs.count - 1].positions = last.positions.lowerBound ..< position + 1
                    } else {
                        runs.append((audited.unitKey, position ..< position + 1))
                    }
                }
            }
        }

        /// The account's findings that count, in report order.
        func counted(_ position: Int) -> [Finding] {
            result.findings(of: result.accounts[position]).filter(\.counts)
        }

        /// What a maintainer of `unitID` must see, or nil when the unit has nothing to act on.
        private func rollUp(of unitID: String) -> UnitRollUp? {
            let accounts = byUnit[unitID] ?? []
            let summary = summaries[unitID]
            let expired = accounts.filter { isFailing[$0] }.flatMap { counted($0).filter { $0.rule == "waiver-expired" } }
            var departed: [String: [Int]] = [:]
            for (owner, position) in self.departed[unitID] ?? [] { departed[owner, default: []].append(position) }
            let unitFile = unitFileFindings[unitID] ?? []
            guard (summary?.failingAccounts ?? 0) > 0 || !expired.isEmpty || !departed.isEmpty || !unitFile.isEmpty else { return nil }
            return UnitRollUp(id: unitID, name: result.registry.units[unitID]?.name ?? unitID, summary: summary,
                              failing: accounts.filter { isFailing[$0] }, expiredWaivers: expired,
                              departedOwners: departed.keys.sorted().map { ($0, departed[$0]!) }, unitFileFindings: unitFile)
        }


    }

    struct UnitRollUp {
        let id: String
        let name: String
        let summary: AuditResult.UnitSummary?
        /// Account indexes with findings that count.
        let failing: [Int]
        let expiredWaivers: [Finding]
        /// Owners who have left, each with the account indexes that still name them.
        let departedOwners: [(id: String, accounts: [Int])]
        let unitFileFindings: [Finding]
    }

    struct PersonList {
        let person: Person
        /// Findings at the person's own entry in people.yaml.
        let own: [Finding]
        /// Account indexes the person owns that have findings that count.
        let owned: [Int]
        let units: [UnitRollUp]

        func markdown(_ result: AuditResult, _ index: Index) -> String {
            var out = "# Herald: what \(text(person.name)) (`\(code(person.id))`) has to do\n\n"
            out += "\(text(result.organisation)), audit as of \(result.asOf). Each item names the file and line to edit; "
                + "`herald explain RULE` says what a rule asks and why.\n"
            if !own.isEmpty {
                out += "\n## Your entry in people.yaml\n\n"
                for finding in own { out += item(finding) }
            }
            if !owned.isEmpty {
                out += "\n## Accounts you own\n"
                for position in owned {
                    let audited = result.accounts[position]
                    out += "\n### \(accountName(audited.account))\n\n"
                    for finding in index.counted(position) { out += item(finding) }
                }
            }
            for unit in units {
                out += "\n## Unit you maintain: \(text(unit.name)) (`\(code(unit.id))`)\n\n"
                if let summary = unit.summary {
                    out += "\(summary.failingAccounts) of \(AuditSummaryText.count(summary.accounts, "account")) failing: "
                        + "\(AuditSummaryText.count(summary.errors, "error")), \(AuditSummaryText.count(summary.warnings, "warning")).\n"
                }
                if !unit.failing.isEmpty {
                    out += "\nFailing accounts:\n\n"
                    for position in unit.failing {
                        let audited = result.accounts[position]
                        out += "- \(accountName(audited.account)): \(AuditSummaryText.count(index.counted(position).count, "finding")) in `\(code(audited.account.file))`\n"
                    }
                }
                if !unit.expiredWaivers.isEmpty {
                    out += "\nExpired waivers:\n\n"
                    for finding in unit.expiredWaivers { out += item(finding) }
                }
                if !unit.departedOwners.isEmpty {
                    out += "\nOwners who have left:\n\n"
                    for (id, accounts) in unit.departedOwners {
                        let name = result.registry.people[id]?.name ?? id
                        out += "- \(text(name)) (`\(code(id))`) still owns " + accounts.map { accountName(result.accounts[$0].account) }.joined(separator: ", ") + "\n"
                    }
                }
                if !unit.unitFileFindings.isEmpty {
                    out += "\nIn the unit file:\n\n"
                    for finding in unit.unitFileFindings { out += item(finding) }
                }
            }
            return out
        }

        func json(_ result: AuditResult, _ index: Index) -> [UInt8] {
            // Most lists are a kilobyte or two, and each is held until its batch is written: the writer's
            // usual 64 KB start was 64 KB of heap per list.
            var json = JSONWriter(capacity: 4096)
            json.object { json in
                header(result, to: &json)
                json.key("person"); json.object { json in
                    json.key("id"); json.string(person.id)
                    json.key("name"); json.string(person.name)
                    json.key("email"); json.string(person.email)
                }
                json.key("person_findings"); json.array { json in for finding in own { write(finding, to: &json) } }
                json.key("accounts"); json.array { json in
                    for position in owned {
                        json.object { json in
                            accountKeys(result.accounts[position], to: &json)
                            json.key("findings"); json.array { json in for finding in index.counted(position) { write(finding, to: &json) } }
                        }
                    }
                }
                json.key("units"); json.array { json in
                    for unit in units {
                        json.object { json in
                            json.key("id"); json.string(unit.id)
                            json.key("name"); json.string(unit.name)
                            json.key("accounts"); json.number(unit.summary?.accounts ?? 0)
                            json.key("failing_accounts"); json.array { json in for position in unit.failing { json.string(result.accounts[position].account.file) } }
                            json.key("expired_waivers"); json.array { json in for finding in unit.expiredWaivers { write(finding, to: &json) } }
                            json.key("departed_owners"); json.array { json in
                                for (id, accounts) in unit.departedOwners {
                                    json.object { json in
                                        json.key("id"); json.string(id)
                                        json.key("accounts"); json.array { json in for position in accounts { json.string(result.accounts[position].account.file) } }
                                    }
                                }
                            }
                            json.key("unit_file_findings"); json.array { json in for finding in unit.unitFileFindings { write(finding, to: &json) } }
                        }
                    }
                }
            }
            return json.drain() + [UInt8(ascii: "\n")]
        }
    }

    // MARK: The communications office's list

    static func commsOfficeMarkdown(_ result: AuditResult, _ orphaned: [Int]) -> String {
        var out = "# Herald: accounts nobody is left to look after\n\n"
        out += "\(text(result.organisation)), audit as of \(result.asOf). "
        out += "\(AuditSummaryText.count(orphaned.count, "active account")) whose every owner has left (or that names no owner): "
            + "name new owners in each file, or retire the account and keep its handle.\n\n"
        for position in orphaned {
            let account = result.accounts[position].account
            let owners = (account.owners?.value ?? []).map { owner in
                "\(text(result.registry.people[owner.value]?.name ?? owner.value)) (`\(code(owner.value))`)"
            }
            out += "- \(accountName(account)), unit `\(code(result.accounts[position].unitKey))`: `\(code(account.file))`"
                + (owners.isEmpty ? ", no owner named" : ", owners: " + owners.joined(separator: ", ")) + "\n"
        }
        return out
    }

    static func commsOfficeJSON(_ result: AuditResult, _ orphaned: [Int]) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            header(result, to: &json)
            json.key("accounts_without_current_owners"); json.array { json in
                for position in orphaned {
                    let account = result.accounts[position].account
                    json.object { json in
                        accountKeys(result.accounts[position], to: &json)
                        json.key("owners"); json.array { json in for owner in account.owners?.value ?? [] { json.string(owner.value) } }
                    }
                }
            }
        }
        return json.drain() + [UInt8(ascii: "\n")]
    }

    // MARK: Pieces

    /// `- **error** message (rule): edit `file:line:column``
    static func item(_ finding: Finding) -> String {
        "- **\(finding.severity.rawValue)** \(text(finding.message)) (`\(code(finding.rule))`): edit `\(code(finding.file)):\(finding.location.line):\(finding.location.column)`\n"
    }

    /// `x `@fairhavenparks``: the handle in a code span, where a forge neither mentions a user of that
    /// name nor makes a link of it.
    static func accountName(_ account: Account) -> String {
        if let platform = account.platform?.value, let handle = account.handle?.value { return "\(platform.rawValue) `@\(code(handle))`" }
        return "`\(code(account.file))`"
    }

    /// What every list's JSON starts with.
    private static func header(_ result: AuditResult, to json: inout JSONWriter) {
        json.key("schema_version"); json.number(1)
        json.key("organisation"); json.string(result.organisation)
        json.key("as_of"); json.string(result.asOf.description)
    }

    /// An account as the lists name it: `platform:handle`, its file and its unit.
    private static func accountKeys(_ audited: AuditedAccount, to json: inout JSONWriter) {
        json.key("account"); json.string(audited.account.identity)
        json.key("file"); json.string(audited.account.file)
        json.key("unit"); json.string(audited.unitKey)
    }

    /// A finding as report.json writes it.
    private static func write(_ finding: Finding, to json: inout JSONWriter) {
        JSONReport.write(finding, to: &json)
    }

    /// Registry text in Markdown: escaped as the step summary escapes it (no link, tag, emphasis or line
    /// break), and each word a forge would turn into a link or a mention on its own (`https://…`, `www.…`,
    /// `@name`) put in a code span.
    public static func text(_ value: String) -> String {
        // Text with nothing to escape and nothing a forge would link is returned as it is.
        if !mayNeedMarkup(value) { return value }
        // Printable ASCII (nearly every message) is marked up byte by byte: splitting it into words as
        // strings was a third of the time of the messy registry's 37,920 lists (docs/performance.md).
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var out: [UInt8] = []
            out.reserveCapacity(value.utf8.count + 32)
            var word: [UInt8] = []
            for byte in value.utf8 {
                if byte == UInt8(ascii: " ") {
                    appendMarkedUp(word, to: &out)
                    out.append(byte)
                    word.removeAll(keepingCapacity: true)
                } else {
                    word.append(byte)
                }
            }
            appendMarkedUp(word, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return textByWords(value)
    }

    /// `text` for any text, word by word as strings; `text` gives the same for printable ASCII, faster.
    static func textByWords(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard isAutolinked(word.utf8) else { return GitHubStepSummary.escaped(String(word)) }
            let trailing = trailingPunctuation(word.utf8)
            let span = trailing == word.utf8.count ? word[...] : Substring(word.utf8.dropLast(trailing))
            return "`\(code(String(span)))`" + GitHubStepSummary.escaped(String(decoding: word.utf8.suffix(trailing == word.utf8.count ? 0 : trailing), as: UTF8.self))
        }.joined(separator: " ")
    }

    /// One word of printable ASCII, marked up as `textByWords` marks it up.
    private static func appendMarkedUp(_ word: [UInt8], to out: inout [UInt8]) {
        guard isAutolinked(word) else { return appendEscaped(word[...], to: &out) }
        let trailing = trailingPunctuation(word)
        let spanEnd = trailing == word.count ? word.count : word.count - trailing
        out.append(UInt8(ascii: "`"))
        // In a code span a backtick would end it early: code(_:) writes it as an apostrophe.
        for byte in word[..<spanEnd] { out.append(byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : byte) }
        out.append(UInt8(ascii: "`"))
        appendEscaped(word[spanEnd...], to: &out)
    }

    /// Whether a forge turns `word` (its UTF-8 bytes) into a link or a mention on its own: it holds `://`,
    /// or, past opening quotes and brackets, starts with `@` or `www.` in any case.
    private static func isAutolinked<Word: Collection>(_ word: Word) -> Bool where Word.Element == UInt8 {
        let bare = word.drop { isOpening($0) }
        let scheme = word.indices.contains { word[$0...].starts(with: "://".utf8) }
        return scheme || bare.first == UInt8(ascii: "@") || (bare.count >= 4 && zip(bare.prefix(4), "www.".utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 })
    }

    /// How many bytes at the end of `word` are punctuation that ends a sentence (`:,;.!?`): kept outside the
    /// code span (`@name`: not `@name:`).
    private static func trailingPunctuation<Word: BidirectionalCollection>(_ word: Word) -> Int where Word.Element == UInt8 {
        word.reversed().prefix { ":,;.!?".utf8.contains($0) }.count
    }

    /// `GitHubStepSummary.escaped` for printable ASCII.
    private static func appendEscaped(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            default:
                if GitHubStepSummary.markdownSpecial[Int(byte)] { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
        }
    }

    private static func isOpening(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "[")
    }

    /// Whether `text` has a byte Markdown escaping changes, or what a forge links on its own: `@`, `://`,
    /// `www.` (in any case). One pass over the bytes.
    private static func mayNeedMarkup(_ text: String) -> Bool {
        var last3: UInt32 = 0
        for byte in text.utf8 {
            if GitHubStepSummary.markdownSpecial[Int(byte)] || byte == UInt8(ascii: "@") { return true }
            let lower = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
            if lower == UInt8(ascii: "/") && last3 & 0xFFFF == 0x3A2F { return true }                       // "://"
            if lower == UInt8(ascii: ".") && last3 & 0xFFFFFF == 0x777777 { return true }                    // "www."
            last3 = (last3 << 8 | UInt32(lower)) & 0xFFFFFF
        }
        return false
    }

    /// Registry text inside a code span: on one line, with no backtick to end the span early.
    static func code(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "`") }) { return value }
        return String(TerminalText.safe(value).map { $0 == "`" ? "'" : $0 })
    }
}
