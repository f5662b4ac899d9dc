import HeraldCore

/// The per-unit sections of report.html: a table per unit, one row per account with its identity, profile
/// link, owners, status, last review and findings (each with the file and line to edit). Rendered by
/// Herald in chunks on every core, because a template engine takes seconds over 100,000 accounts; the
/// template places the result with `{{{account_sections}}}`.
enum HTMLAccountSections {
    /// Up to `Fragments.accountsPerChunk` rows of one unit; the first piece of a unit opens its section
    /// and the last closes it, so pieces of every unit can be rendered side by side.
    private struct Piece: Sendable {
        let unit: AuditResult.UnitSummary
        let rows: ArraySlice<Int>
        let opens: Bool
        let closes: Bool
    }

    static func render(_ result: AuditResult, unitOrder: [AuditResult.UnitSummary], to output: ReportOutput) throws {
        var rows: [String: [Int]] = [:]
        for (index, audited) in result.accounts.enumerated() { rows[audited.unitKey, default: []].append(index) }
        let owners: OwnerNames = result.registry.people.mapValues { ($0.name, $0.active) }
        var pieces: [Piece] = []
        for unit in unitOrder {
            guard let indices = rows[unit.id], !indices.isEmpty else { continue }
            let chunks = Fragments.chunks(of: indices.indices)
            for (number, chunk) in chunks.enumerated() {
                pieces.append(Piece(unit: unit, rows: indices[chunk], opens: number == 0, closes: number == chunks.count - 1))
            }
        }
        try Fragments.render(pieces, { piece in
            var html = HTMLText(capacity: piece.rows.count * 500 + 1024)
            if piece.opens { header(piece.unit, into: &html) }
            for index in piece.rows { row(result.accounts[index], result.findings(of: result.accounts[index]), owners, into: &html) }
            if piece.closes { html.raw("</tbody>\n</table>\n</section>\n") }
            return html.bytes
        }, into: { try output($0) })
    }

    private static func header(_ unit: AuditResult.UnitSummary, into html: inout HTMLText) {
        let anchor = HTMLReportModel.anchor(unit.id)
        html.raw("<section class=\"unit\" id=\""); html.text(anchor)
        html.raw("\" aria-labelledby=\""); html.text(anchor); html.raw("-heading\">\n<h2 id=\""); html.text(anchor)
        html.raw("-heading\">"); html.text(unit.name ?? unit.id); html.raw("</h2>\n<p>")
        html.text(AuditSummaryText.count(unit.accounts, "account")); html.raw(": ")
        html.number(unit.accounts - unit.failingAccounts); html.raw(" passing, ")
        html.text(AuditSummaryText.count(unit.errors, "error")); html.raw(", ")
        html.text(AuditSummaryText.count(unit.warnings, "warning"))
        if unit.waived > 0 { html.raw(", "); html.number(unit.waived); html.raw(" waived") }
        html.raw(".</p>\n<table class=\"accounts\" aria-labelledby=\"")
        html.text(anchor)
        html.raw("-heading\">\n<thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Owners</th><th scope=\"col\">Status</th><th scope=\"col\">Last review</th><th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n")
    }

    /// What a row shows of a person: looked up per owner, so only these two fields are copied.
    typealias OwnerNames = [String: (name: String, active: Bool)]

    private static func row(_ audited: AuditedAccount, _ findings: ArraySlice<Finding>, _ owners: OwnerNames, into html: inout HTMLText) {
        let account = audited.account
        html.raw(audited.isFailing ? "<tr class=\"failing\"><th scope=\"row\">" : "<tr class=\"passing\"><th scope=\"row\">")
        if let platform = account.platform?.value, let handle = account.handle?.value {
            let url = account.url?.value
            if let url, HTMLReportModel.isWebLink(url) {
                html.raw("<a href=\""); html.text(url); html.raw("\" rel=\"noopener noreferrer\">")
                html.text(platform.rawValue); html.raw(" @"); html.text(handle); html.raw("</a>")
            } else {
                html.text(platform.rawValue); html.raw(" @"); html.text(handle)
                if let url { html.raw("<br><span class=\"not-link\">"); html.text(url); html.raw(" (not a web address)</span>") }
            }
        } else if account.wasRead {
            html.text(String(account.file.split(separator: "/").last ?? ""))
            html.raw(" (platform or handle missing)")
        } else {
            html.raw("(file could not be read)")
        }
        if let name = account.name?.value { html.raw("<br><span class=\"name\">"); html.text(name); html.raw("</span>") }
        html.raw("<br><code>"); html.text(account.file); html.raw("</code></th><td>")
        var first = true
        for owner in account.owners?.value ?? [] {
            if !first { html.raw(", ") }
            first = false
            if let person = owners[owner.value] {
                html.text(person.name)
                if !person.active { html.raw(" (has left)") }
            } else {
                html.text(owner.value); html.raw(" (unknown)")
            }
        }
        html.raw("</td><td class=\"status\">"); html.text(account.status?.value.rawValue ?? "")
        html.raw("</td><td class=\"reviewed\">"); html.text(account.lastReviewed?.value.description ?? "never")
        if findings.isEmpty {
            html.raw("</td><td class=\"ok\">None</td></tr>\n")
            return
        }
        html.raw("</td><td><ul class=\"findings\">")
        for index in findings.indices {
            let finding = findings[index]
            html.raw("<li")
            // Only new findings get an id: the list at the top of the page links to them.
            if finding.change == .new { html.raw(" id=\""); html.text(HTMLChangesModel.anchor(ofFinding: index)); html.raw("\"") }
            if finding.isWaived {
                html.raw(" class=\"waived\"><span class=\"sev waived\">waived</span> ")
            } else if finding.isBaselined {
                html.raw(" class=\"baselined\"><span class=\"sev baselined\">baseline</span> ")
            } else {
                html.raw(finding.severity == .error ? "><span class=\"sev error\">error</span> " : "><span class=\"sev warning\">warning</span> ")
            }
            if finding.change == .new { html.raw("<span class=\"sev new\">new</span> ") }
            html.message(finding.message); html.raw(" <a href=\"#rule-"); html.text(finding.rule); html.raw("\"><code>[")
            html.text(finding.rule); html.raw("]</code></a> Edit <code>")
            html.text(finding.file); html.raw(":"); html.number(finding.location.line); html.raw(":")
            html.number(finding.location.column); html.raw("</code>")
            if let waiver = finding.waiver {
                html.raw(" <span class=\"waiver\">Waived until <time datetime=\""); html.text(waiver.expires.description); html.raw("\">")
                html.text(waiver.expires.description); html.raw("</time> by ")
                html.text(owners[waiver.approvedBy]?.name ?? waiver.approvedBy); html.raw(": "); html.text(waiver.reason); html.raw("</span>")
            }
            html.raw("</li>")
        }
        html.raw("</ul></td></tr>\n")
    }
}
