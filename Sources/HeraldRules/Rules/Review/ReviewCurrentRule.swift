import Foundation
import HeraldCore

/// Each account is reviewed on its unit's schedule, and the review date is recorded.
public struct ReviewCurrentRule: Rule {
    public static let description = RuleDescription(
        id: "review-current",
        summary: "The account was reviewed within its unit's review period",
        rationale: """
            Owners leave, bios go stale and platforms change their rules; a scheduled review catches what \
            no rule can. last_reviewed records the last one, and it must be no older than the unit's \
            review_every_days on the audit date (and not in the future). Where herald.yaml says \
            reviews_from_git: true and the audit runs with --git, the review date is the last commit of the \
            file whose Reviewed-by: trailer names one of the account's owners or its unit's maintainers (by \
            person id, by e-mail, or by name when the trailer gives no e-mail or the person has none on file), \
            dated by its author date: a date no one can type ahead.
            """,
        severity: .warning,
        passing: [
            .account(), .account(["last_reviewed": "2026-05-28"]),
            Example.account(["last_reviewed": "2020-01-01"])
                .with(history: .init([.init("2026-10-01"), .init("2026-09-01", reviewedBy: ["Jane Doe <JANE.DOE@fairhaven.gov>"])]), reviewsFromGit: true),
        ],
        failing: [
            .account(["last_reviewed": "↓2026-05-27"]),
            .account(["last_reviewed": "↓2027-01-15"]),
            .account(["last_reviewed": nil]),
            Example.account().with(history: .init([.init("2025-10-01", reviewedBy: ["asmith"])]), reviewsFromGit: true),
            Example.account().with(history: .init([.init("2026-10-01", reviewedBy: ["Mei Chen <mei.chen@fairhaven.gov>"])]), reviewsFromGit: true),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        if context.registry.organisation.reviewsFromGit, let history = context.history {
            return checkRecorded(account, history.file(account.file), in: context)
        }
        guard let reviewed = account.lastReviewed else {
            if account.schemaProblems.contains(where: { $0.field == "last_reviewed" }) { return [] }
            return [Violation(at: account.location, "no review is recorded: review the account and add `last_reviewed: \(context.asOf)`", field: "last_reviewed")]
        }
        let age = reviewed.value.days(until: context.asOf)
        let period = context.facts(for: account).standards.reviewEveryDays
        if age < 0 {
            return [Violation(at: reviewed.location, "last_reviewed \(reviewed.value) is after the audit date \(context.asOf): record the date the review actually happened", field: "last_reviewed")]
        }
        guard age > period else { return [] }
        return [Violation(at: reviewed.location,
            "last reviewed \(reviewed.value), \(age) days ago; the unit's standard is every \(period) days: review the account and update last_reviewed", field: "last_reviewed")]
    }

    /// The review date git records: the newest commit of the file with a `Reviewed-by:` trailer naming an
    /// owner or a maintainer of the account's unit.
    private func checkRecorded(_ account: Account, _ file: ReviewHistory.File, in context: AuditContext) -> [Violation] {
        let unit = account.unit?.value
        let people = ((account.owners?.value.map(\.value) ?? []) + (unit.flatMap { context.registry.units[$0] }?.maintainers.map(\.value) ?? []))
            .compactMap { context.registry.people[$0] }
        let review = file.reviews.first { commit in commit.reviewers.contains { trailer in people.contains { ReviewerName.names(trailer, $0) } } }
        let place = account.lastReviewed?.location ?? account.location
        let period = context.facts(for: account).standards.reviewEveryDays
        guard let review else {
            return [Violation(at: place,
                "no commit of this file carries a Reviewed-by: trailer naming an owner or a maintainer of unit \(unit ?? "(none)"): review the account and commit the file with `Reviewed-by: Name <e-mail>`",
                field: "last_reviewed")]
        }
        // The author date: when the review was written, which rebasing or cherry-picking the commit keeps.
        let age = review.authorDate.days(until: context.asOf)
        guard age > period else { return [] }
        return [Violation(at: place,
            "last reviewed in commit \(review.id) on \(review.authorDate), \(age) days ago; the unit's standard is every \(period) days: review the account and commit the file with a Reviewed-by: trailer",
            field: "last_reviewed")]
    }
}

/// Whether a `Reviewed-by:` trailer names a person: by id (`jdoe`), by e-mail (`… <jane.doe@fairhaven.gov>`,
/// any letter case) or by name (`Jane Doe <…>`, any letter case), as git's trailers are written
/// (git-interpret-trailers(1)).
enum ReviewerName {
    static func names(_ trailer: String, _ person: Person) -> Bool {
        let text = trailer.trimmingCharacters(in: .whitespaces)
        if text == person.id { return true }
        if let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            let email = text[text.index(after: open) ..< close]
            // An e-mail decides when the person has one on file: `Tom Brooks <anyone@x>` is not Tom Brooks.
            if let own = person.email { return email.lowercased() == own.lowercased() }
            return text[..<open].trimmingCharacters(in: .whitespaces).lowercased() == person.name.lowercased()
        }
        return text.lowercased() == person.name.lowercased() || text.lowercased() == person.email?.lowercased()
    }
}
