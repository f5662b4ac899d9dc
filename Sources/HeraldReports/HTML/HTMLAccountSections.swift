import HeraldCore
import HeraldRules

/// The per-unit sections of report.html: a table per unit, one row per account with its identity, profile
/// link, owners, status, last review and findings (each with the file and line to edit). Rendered by
/// Herald in chunks on every core, because a template engine takes seconds over 100,000 accounts; the
/// template places the result with `{{{account_sections}}}`.
enum HTMLAccountSections {
    static func render(_ result: AuditResult, unitOrder: [AuditResult.UnitSummary]) throws -> [UInt8] {
        var rows: [String: [Int]] = [:]
        for (index, account) in result.registry.accounts.enumerated() {
            rows[account.unit?.value ?? account.folder ?? "(none)", default: []].append(index)
        }
        var html = HTMLText(capacity: 1 << 16)
        var out: [UInt8] = []
        out.reserveCapacity(result.accountCount * 450)
        for unit in unitOrder {
            guard let indices = rows[unit.id], !indices.isEmpty else { continue }
            let anchor = HTMLReportModel.anchor(unit.id)
            html.raw("<section class=\"unit\" id=\""); html.text(anchor)
            html.raw("\" aria-labelledby=\""); html.text(anchor); html.raw("-heading\">\n<h2 id=\""); html.text(anchor)
            html.raw("-heading\">"); html.text(unit.name ?? unit.id); html.raw("</h2>\n<p>")
            html.number(unit.accounts); html.raw(" accounts: "); html.number(unit.accounts - unit.failingAccounts)
            html.raw(" passing, "); html.number(unit.errors); html.raw(" errors, "); html.number(unit.warnings)
            html.raw(" warnings.</p>\n<table class=\"accounts\" aria-labelledby=\""); html.text(anchor)
            html.raw("-heading\">\n<thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Owners</th><th scope=\"col\">Status</th><th scope=\"col\">Last review</th><th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n")
            out += html.bytes
            html = HTMLText(capacity: 1 << 16)
            try Fragments.render(count: indices.count, { range in
                var rows = HTMLText(capacity: range.count * 500)
                result.registry.accounts.withUnsafeBufferPointer { accounts in
                    for position in range { row(accounts[indices[position]], result.findingsByAccount[indices[position]], result, into: &rows) }
                }
                return rows.bytes
            }, into: { out += $0 })
            html.raw("</tbody>\n</table>\n</section>\n")
        }
        return out + html.bytes
    }

    private static func row(_ account: borrowing Account, _ findings: [Finding], _ result: AuditResult, into html: inout HTMLText) {
        html.raw(findings.isEmpty ? "<tr class=\"passing\"><th scope=\"row\">" : "<tr class=\"failing\"><th scope=\"row\">")
        if let platform = account.platform?.value, let handle = account.handle?.value {
            let url = account.url?.value
            if let url, HTMLReportModel.isWebLink(url) {
                html.raw("<a href=\""); html.text(url); html.raw("\" rel=\"noopener noreferrer\">")
                html.text(platform.rawValue); html.raw(" @"); html.text(handle); html.raw("</a>")
            } else {
                html.text(platform.rawValue); html.raw(" @"); html.text(handle)
                if let url { html.raw("<br><span class=\"not-link\">"); html.text(url); html.raw(" (not a web address)</span>") }
            }
        } else {
            html.raw("(file could not be read)")
        }
        if let name = account.name?.value { html.raw("<br><span class=\"name\">"); html.text(name); html.raw("</span>") }
        html.raw("<br><code>"); html.text(account.file); html.raw("</code></th><td>")
        var first = true
        for owner in account.owners?.value ?? [] {
            if !first { html.raw(", ") }
            first = false
            if let person = result.registry.people[owner.value] {
                html.text(person.name)
                if !person.active { html.raw(" (has left)") }
            } else {
                html.text(owner.value); html.raw(" (unknown)")
            }
        }
        html.raw("</td><td>"); html.text(account.status?.value.rawValue ?? "")
        html.raw("</td><td>"); html.text(account.lastReviewed?.value.description ?? "never")
        if findings.isEmpty {
            html.raw("</td><td class=\"ok\">None</td></tr>\n")
            return
        }
        html.raw("</td><td><ul class=\"findings\">")
        for finding in findings {
            html.raw(finding.severity == .error ? "<li><span class=\"sev error\">error</span> " : "<li><span class=\"sev warning\">warning</span> ")
            html.text(finding.message); html.raw(" <code>["); html.text(finding.rule); html.raw("]</code> Edit <code>")
            html.text(finding.file); html.raw(":"); html.number(finding.location.line); html.raw(":")
            html.number(finding.location.column); html.raw("</code></li>")
        }
        html.raw("</ul></td></tr>\n")
    }
}
