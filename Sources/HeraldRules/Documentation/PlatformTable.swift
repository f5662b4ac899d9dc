import HeraldCore

/// The platform table in Markdown, for the rationales of the rules that read it (and so for
/// docs/rules.md and `herald explain`): generated from `PlatformProfile`, never written twice.
enum PlatformTable {
    /// Identifiers in use, the stricter rules for new names, and the sources.
    static let markdown: String = {
        var lines = ["| platform | identifiers in use (lengths in characters) | new names, where stricter | source |", "|---|---|---|---|"]
        for platform in Platform.allCases {
            let profile = PlatformProfile.of(platform)
            let kinds = profile.handleKinds.map { rule in
                "\(rule.kind.rawValue): \(rule.shapeWords)\(rule.caseSensitive ? " (case-sensitive)" : "")"
            }
            let stable = profile.stableID.map { ["recorded as `\($0.key)`"] } ?? []
            let newNames = profile.handleKinds.compactMap { $0.newRegistration?.words }.joined(separator: "; ")
            let sources = profile.handleKinds.map(\.source).joined(separator: "; ")
            lines.append("| \(platform.rawValue) | \((kinds + stable).joined(separator: "; ")) | \(newNames.isEmpty ? "—" : newNames) | \(sources) |")
        }
        return lines.joined(separator: "\n")
    }()

    /// Every profile address form per platform, and its source.
    static let addressMarkdown: String = {
        var lines = ["| platform | hosts | paths | source |", "|---|---|---|---|"]
        for platform in Platform.allCases {
            let profile = PlatformProfile.of(platform)
            let hosts = profile.hosts
            let paths = profile.addresses.map { form in
                "/" + form.path.joined(separator: "/").replacingFirst("{}", with: "<\(form.kind.rawValue)>").replacingFirst("{-id}", with: "<name>-<\(form.kind.rawValue)>")
                    + (form.query.map { "?\($0)=<\(form.kind.rawValue)>" } ?? "")
            }
            var uniquePaths: [String] = []
            for path in paths where !uniquePaths.contains(path) { uniquePaths.append(path) }
            let hostText = hosts.isEmpty ? "the account's own server" : hosts.joined(separator: ", ")
            lines.append("| \(platform.rawValue) | \(hostText) | \(uniquePaths.map { "`\($0)`" }.joined(separator: ", ")) | \(profile.addressSource) |")
        }
        return lines.joined(separator: "\n")
    }()
}
