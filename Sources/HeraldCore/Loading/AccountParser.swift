/// Reads one account file into an `Account`. Never fails: whatever is wrong becomes a schema problem on
/// the account, and every field that could be read is kept for the other rules.
enum AccountParser {
    static func parse(_ bytes: [UInt8], file: String, folder: String?, fileName: String) -> Account {
        var account = Account(file: file, folder: folder)
        switch YAMLText.parse(bytes, file: file) {
        case let .failure(problem):
            account.schemaProblems.append(problem)
        case let .success(parsed) where parsed.node == nil:
            account.schemaProblems.append(Problem(file: file, location: .startOfFile,
                message: "the file is empty: an account file lists platform, handle, url, unit and status (see docs/inventory-format.md)"))
        case let .success(parsed):
            var node = parsed.node!
            account.schemaProblems += parsed.problems
            var (suspects, withheld) = (account.secretSuspects, account.withheld)
            if let cleaned = SecretScanner.scan(node, suspects: &suspects, withheld: &withheld) { node = cleaned }
            (account.secretSuspects, account.withheld) = (suspects, withheld)
            var problems: [Problem] = []
            if var reader = MappingReader(node, file: file, what: "an account file", problems: &problems) {
                read(&account, from: &reader)
                problems += reader.problems
            }
            account.schemaProblems += problems
            Problem.cap(&account.schemaProblems)
        }
        account.schemaProblems += placementProblems(of: account, fileName: fileName)
        return account
    }

    private static func read(_ account: inout Account, from reader: inout MappingReader) {
        account.wasRead = true
        account.location = reader.location
        reader.checkKeys(allowed: Account.keys, required: Account.requiredKeys, what: "an account file")
        account.platform = reader.choice("platform", hints: Platform.formerNames)
        account.handle = reader.string("handle").map(withoutLeadingAt)
        if let handle = account.handle { account.handleIsUnusable = checkHandle(handle, in: &reader) }
        account.url = reader.string("url")
        account.unit = reader.string("unit")
        account.name = reader.string("name")
        account.bio = reader.string("bio", keepEmpty: true, asShown: true)
        account.owners = reader.strings("owners", example: "[jdoe, asmith]")
        account.status = reader.choice("status")
        account.created = reader.date("created")
        account.lastReviewed = reader.date("last_reviewed")
        account.archiving = reader.string("archiving")
        account.twoFactor = reader.bool("two_factor")
        account.credentials = reader.string("credentials")
        account.recoveryEmail = reader.string("recovery_email")
        account.escalation = reader.string("escalation")
        account.lastPost = reader.date("last_post")
        account.retiredOn = reader.date("retired_on")
        account.handleHeld = reader.bool("handle_held")
        account.waivers = readWaivers(from: &reader)
        account.stableID = readStableID(of: account.platform?.value, from: &reader)
        if let credentials = account.credentials, !Account.isVaultReference(credentials.value) { account.withheld.append(credentials.value) }
        if let platform = account.platform?.value, let handle = account.handle {
            let identifiers = AccountIdentifiers(platform: platform, handle: handle.value, stableID: account.stableID?.value)
            account.identifiers = identifiers
            let identity = platform.rawValue + ":" + (identifiers.handleReadings.first?.folded ?? handle.value.lowercased())
            account.identity = identity
            // The usual single key is the identity itself: share its storage rather than keep a copy (and, for
            // a handle read one way only, without working the keys out again).
            let readings = identifiers.handleReadings
            let onlyName = identifiers.stableID == nil && readings.count == 1 && !readings[0].kind.isStable
            account.identityKeys = !onlyName && (identifiers.handleCanExist || identifiers.stableID != nil)
                ? identifiers.identityKeys.map { $0 == identity ? identity : $0 } : [identity]
        }
    }

    /// People copy a handle from a profile page with its `@`: the platform's name for the account has none.
    private static func withoutLeadingAt(_ handle: Located<String>) -> Located<String> {
        guard handle.value.hasPrefix("@") else { return handle }
        return Located(String(handle.value.dropFirst()), at: SourceLocation(line: handle.location.line, column: handle.location.column + 1))
    }

    /// The platform's stable-id key (`channel_id`, `page_id`, `did`): only on its own platform, and only
    /// with the id's shape.
    private static func readStableID(of platform: Platform?, from reader: inout MappingReader) -> Located<String>? {
        // Most files have none of these keys: one pass over the file's key names settles that, where
        // looking each key up by name would search the whole mapping three times.
        let present = reader.keys(among: Account.stableIDKeys)
        var found: Located<String>?
        for key in present {
            guard let value = reader.string(key) else { continue }
            let owner = Platform.allCases.first { PlatformProfile.of($0).stableID?.key == key }!
            guard let platform, platform == owner else {
                let own = platform.flatMap { PlatformProfile.of($0).stableID?.key }.map { "; a \(platform!.rawValue) account records its id as \($0)" } ?? ""
                reader.report("\"\(key)\" is the id of a \(owner.rawValue) account, and this is \(platform.map { "a \($0.rawValue)" } ?? "no platform's") account: delete it\(own)",
                              at: value.location, field: key)
                continue
            }
            let rule = PlatformProfile.of(platform).stableID!.rule
            guard rule.shape.accepts(value.value) else {
                reader.report("\"\(key)\" \(value.value) is not a \(platform.rawValue) \(rule.kind.rawValue) (\(rule.shapeWords)): copy it from the account's page or the platform's settings",
                              at: value.location, field: key)
                continue
            }
            found = value
        }
        return found
    }

    private static func readWaivers(from reader: inout MappingReader) -> [Waiver] {
        guard let node = reader.node("waivers") else { return [] }
        let example = "`waivers:` then `- rule: owner-assigned` with reason, approved_by and expires"
        guard case let .sequence(items, _) = node else {
            reader.report("\"waivers\" must be a list: \(example)", at: node.location, field: "waivers")
            return []
        }
        var waivers: [Waiver] = []
        for item in items {
            var problems: [Problem] = []
            guard var entry = MappingReader(item, file: reader.file, what: "each waiver", problems: &problems) else {
                for problem in problems { reader.report(problem.message + " (\(example))", at: problem.location, field: "waivers") }
                continue
            }
            entry.checkKeys(allowed: Waiver.keys, what: "a waiver")
            var waiver = Waiver(location: entry.location)
            waiver.rule = entry.string("rule")
            waiver.reason = entry.string("reason")
            waiver.approvedBy = entry.string("approved_by")
            waiver.expires = entry.date("expires")
            waiver.expiresUnreadable = waiver.expires == nil && entry.node("expires") != nil
            for problem in entry.problems { reader.report(problem.message, at: problem.location, field: "waivers", repeatable: problem.repeatable) }
            waivers.append(waiver)
        }
        return waivers
    }

    /// Handles are single words: a slash or space cannot be on any platform and cannot be in a file name.
    /// - Returns: true when the handle is reported here (it is then no name at all, and handle-syntax
    ///   says nothing more about it).
    private static func checkHandle(_ handle: Located<String>, in reader: inout MappingReader) -> Bool {
        if handle.value.utf8.count > 100 {
            reader.report("the handle is \(handle.value.count) characters long, more than any platform allows: write the account's name on the platform", at: handle.location, field: "handle")
            return true
        } else if handle.value.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0 == " " || (!$0.isASCII && $0.properties.isWhitespace) }) {
            reader.report("handle \"\(handle.value)\" contains a slash or a space: write only the account's name on the platform, not its address", at: handle.location, field: "handle")
            return true
        }
        return false
    }

    /// Whether `fileName` is `stem` (lower case) and `.yaml` or `.yml`, in any letter case, as Unicode
    /// lowers and compares text (canonically equivalent text is equal). The usual ASCII name is answered
    /// by `isNamedForASCII` first.
    static func isNamed(_ fileName: String, stem: String) -> Bool {
        let lowered = fileName.lowercased()
        let ownStem = lowered.hasSuffix(".yaml") ? lowered.dropLast(5) : lowered.hasSuffix(".yml") ? lowered.dropLast(4) : lowered[...]
        return ownStem == stem
    }

    /// For an ASCII file name and handle (nearly every account), whether the name is `fileStem(platform:handle:)`
    /// and `.yaml` or `.yml` in any letter case, compared in place rather than building the stem; nil for
    /// any other name, which `isNamed(_:stem:)` answers.
    static func isNamedForASCII(_ fileName: String, platform: Platform, handle: String) -> Bool? {
        var (fileName, handle) = (fileName, handle)
        return fileName.withUTF8 { name in
            handle.withUTF8 { handle -> Bool? in
                guard name.allSatisfy({ $0 < 0x80 }), handle.allSatisfy({ $0 < 0x80 }) else { return nil }
                let handle = handle.first == UInt8(ascii: "@") ? UnsafeBufferPointer(rebasing: handle.dropFirst()) : handle
                let stemLength = name.count - Walker.yamlExtensionLength(ofASCII: name)
                let prefix = platform.rawValue.utf8
                guard stemLength == prefix.count + 1 + handle.count,
                      ASCIICase.equal(name[..<prefix.count], prefix), name[prefix.count] == UInt8(ascii: "-") else { return false }
                for (offset, byte) in handle.enumerated() {
                    let wanted = byte == UInt8(ascii: ":") ? UInt8(ascii: "-") : ASCIICase.lower(byte)
                    guard ASCIICase.lower(name[prefix.count + 1 + offset]) == wanted else { return false }
                }
                return true
            }
        }
    }

    /// The file must sit in `accounts/<unit>/` and be named `<platform>-<handle>.yaml`.
    private static func placementProblems(of account: Account, fileName: String) -> [Problem] {
        var problems: [Problem] = []
        guard let folder = account.folder else {
            problems.append(Problem(file: account.file, location: .startOfFile,
                message: "account files belong in a folder named after their unit: move it to accounts/<unit-id>/", field: "unit"))
            return problems
        }
        if let unit = account.unit, unit.value != folder {
            problems.append(Problem(file: account.file, location: unit.location,
                message: "unit \"\(unit.value)\" does not match the folder \"\(folder)\": move the file to accounts/\(unit.value)/ or correct the unit", field: "unit"))
        }
        if let platform = account.platform, let handle = account.handle {
            let expected = { AccountIdentifiers.fileStem(platform: platform.value, handle: handle.value) }
            // A name written with the handle's colons (a DID) is accepted too; the hint gives the one every
            // system can store (Windows refuses colons in file names).
            let matches = isNamedForASCII(fileName, platform: platform.value, handle: handle.value) ?? isNamed(fileName, stem: expected())
                || (handle.value.contains(":") && isNamed(fileName, stem: "\(platform.value.rawValue)-\(AccountIdentifiers.bare(handle.value))".lowercased()))
            if !matches {
                let fix = account.handleIsUnusable || account.identifiers?.handleCanExist == false
                    ? "correct the handle first (it cannot exist on \(platform.value.rawValue)), then name the file <platform>-<handle>.yaml"
                    : "rename the file to \(expected()).yaml or correct platform/handle"
                problems.append(Problem(file: account.file, location: handle.location,
                    message: "the file name does not match the platform and handle: \(fix)", field: "handle"))
            }
        }
        return problems
    }
}
