/// Every registry file's keys (format version 1): what the loader allows, requires and reads, by file.
/// docs/inventory-format.md documents the same keys in its tables (a test compares them), and
/// `herald schema` turns them into JSON Schema for editors.
public enum InventoryFormat {
    static let platforms = Platform.allCases.map(\.rawValue)

    /// `accounts/<unit-id>/<platform>-<handle>.yaml`: one official account.
    public static let account: [Field] = [
        Field("platform", .choice(platforms), required: true, "the platform (`twitter` is reported with the hint to write `x`)"),
        Field("handle", .text, required: true, "the account's identifier on the platform, as the platform writes it: a username, a Mastodon `user@server`, a Bluesky domain name or DID, a YouTube handle, legacy username, custom URL or channel id, a Facebook Page's id; a leading `@` is ignored; no slashes or spaces, at most 100 characters"),
        Field("url", .text, required: true, "the profile's address, `https://`, in any form the platform serves"),
        Field("unit", .text, required: true, "the unit's id; equals the folder the file is in"),
        Field("name", .text, "the display name"),
        Field("bio", .text, "the profile text (rule `bio-states-office` fails without it)"),
        Field("owners", .list(.text), "the person ids of who answers for the account (rule `owner-assigned` fails without them)"),
        Field("status", .choice(AccountStatus.allCases.map(\.rawValue)), required: true, "`active`, `dormant` or `retired`; retired accounts are only checked for schema, unit and duplicates"),
        Field("created", .date, "when the account was opened"),
        Field("last_reviewed", .date, "the last scheduled review (rule `review-current` warns without it)"),
        Field("archiving", .text, "the archiving service, where records law asks for one"),
        Field("two_factor", .boolean, "two-factor authentication is on (rule `two-factor` fails without `true`)"),
        Field("credentials", .text, "a reference to the password manager or vault entry, never the password (rule `credentials-vaulted` warns without it)"),
        Field("recovery_email", .text, "the account's recovery address; must be on an official domain (rule `official-email`)"),
        Field("escalation", .text, "whom to call about harassment, threats and complaints, for this account: a person id or an official address"),
        Field("last_post", .date, "the day of the latest post (rule `dormant-account` warns without it)"),
        Field("retired_on", .date, "the day the account was retired (rule `retired-handle-held` asks it of retired accounts)"),
        Field("handle_held", .boolean, "the retired account is kept, so no impostor can register its handle (rule `retired-handle-held`)"),
        Field("waivers", .listOf(waiver), "excuses from a rule, each approved by a maintainer and expiring"),
    ] + Platform.allCases.compactMap { platform in
        PlatformProfile.of(platform).stableID.map { Field($0.key, .text, "\(platform.rawValue) only: the account's \($0.rule.kind.rawValue), which never changes while the handle can") }
    }

    /// One entry of an account's `waivers:`.
    public static let waiver: [Field] = [
        Field("rule", .text, "the id of the rule excused: any rule that reports on accounts, but `no-secrets` and the waiver rules"),
        Field("reason", .text, "why the account cannot comply yet"),
        Field("approved_by", .text, "the person id of an active maintainer of the account's unit or of a unit above it"),
        Field("expires", .date, "the last day the waiver covers, at most `max_waiver_days` after the audit date"),
    ]

    /// One entry of `people.yaml` (a list of them).
    public static let person: [Field] = [
        Field("id", .text, required: true, "unique, used in `owners:` and `maintainers:`"),
        Field("name", .text, required: true, "shown in messages and reports"),
        Field("email", .text, "must look like `name@domain`"),
        Field("unit", .text, "must name a unit that has a file"),
        Field("active", .boolean, "`false` when the person has left or lost access (default `true`)"),
        Field("policy_acknowledged", .date, "when the person last took the social media training and acknowledged the policy"),
        Field("github", .text, "the person's GitHub user name (without `@`), for CODEOWNERS"),
        Field("gitlab", .text, "the person's GitLab user name (without `@`), for CODEOWNERS"),
    ]

    /// `units/<unit-id>.yaml`: an office or department.
    public static let unit: [Field] = [
        Field("id", .text, required: true, "equals the file name without `.yaml`"),
        Field("name", .text, required: true, "the name a bio must state (rule `bio-states-office`)"),
        Field("aliases", .list(.text), "other names that also state the office"),
        Field("parent", .text, "the unit above this one; it must exist and the chain must not loop"),
        Field("maintainers", .list(.text), "the person ids of who approves changes to the unit's accounts, and their waivers (rule `maintainer-known` fails without one)"),
        Field("escalation", .text, "whom its accounts' staff call about harassment, threats and complaints: a person id or an official address; inherited by units below"),
        Field("standards", .mapping(standards), "the unit's own standards, added to those above it"),
    ]

    /// `standards:` in `herald.yaml` or a unit file.
    public static let standards: [Field] = [
        Field("min_owners", .wholeNumber(atLeast: 1), "fewest distinct owners an account may have (default 2)"),
        Field("review_every_days", .wholeNumber(atLeast: 1), "longest time between two reviews of an account, in days (default 365)"),
        Field("platforms", .list(.choice(platforms)), "the platforms the unit may use (default: every platform)"),
        Field("handle_pattern", .text, "a regular expression every handle must match somewhere (use `^` to anchor); letter case is ignored"),
        Field("bio_must_include", .list(.text), "phrases every bio must contain (case, accents and spacing do not matter)"),
        Field("bio_must_not_include", .list(.text), "phrases no bio may contain, matched the same way"),
        Field("require_archiving", .boolean, "accounts must name their archiving service in `archiving:` (default `false`)"),
        Field("require_two_factor", .boolean, "accounts must record `two_factor: true` (default `true`)"),
        Field("require_vault", .boolean, "accounts must name their vault entry in `credentials:` (default `true`)"),
        Field("require_escalation_contact", .boolean, "the account or its unit names an `escalation` contact (default `true`)"),
        Field("training_every_days", .wholeNumber(atLeast: 1), "longest time since an owner's `policy_acknowledged`, in days (default 365)"),
        Field("dormant_after_days", .wholeNumber(atLeast: 1), "an active account with no post for longer is dormant, in days (default 180)"),
        Field("max_waiver_days", .wholeNumber(atLeast: 1), "furthest a waiver's `expires` may be after the audit date, in days (default 365)"),
        Field("bio_max_length", .keyed(keys: platforms, value: .wholeNumber(atLeast: 1)), "bio limits in characters as people see them, by platform, replacing the built-in ones"),
    ]

    /// `herald.yaml`'s `publish:`: what `herald publish` lists.
    public static let publish: [Field] = [
        Field("statuses", .list(.choice(AccountStatus.allCases.map(\.rawValue))), "the statuses listed as official (default `[active]`)"),
        Field("blocking_rules", .list(.text), "rule ids whose findings keep an account out of the directory"),
        Field("advice", .text, "what the directory tells people to do about an account it cannot confirm"),
    ]

    /// `herald.yaml`: the organisation's policy. `rules` are the ids `ruleIDs` names.
    public static func settings(ruleIDs: [String]) -> [Field] {
        [
            Field("organisation", .text, required: true, "the organisation's name, shown on every report"),
            Field("official_domains", .list(.text), "e-mail domains that count as official; a subdomain of one counts too"),
            Field("standards", .mapping(standards), "standards for every unit"),
            Field("rules", .keyed(keys: ruleIDs, value: .choice(["error", "warning", "off"])), "a rule's severity changed, or the rule turned off; an unknown rule id stops the audit"),
            Field("reviews_from_git", .boolean, "with `true`, audits run with `--git` take review dates from `Reviewed-by:` trailers"),
            Field("impostor_follow_up_days", .wholeNumber(atLeast: 1), "an impostor still `reported` this long after its report is due a follow-up, in days (default 30)"),
            Field("publish", .mapping(publish), "what the public directory lists"),
            Field("code_host", .choice(CodeHost.allCases.map(\.rawValue)), "where the registry is reviewed, for CODEOWNERS"),
            Field("registry_owners", .list(.text), "the person ids of who owns the organisation files in CODEOWNERS"),
        ]
    }

    /// One entry of `impostors.yaml` (a list of them).
    public static let impostor: [Field] = [
        Field("platform", .choice(platforms), required: true, "the platform, as in account files"),
        Field("handle", .text, "the impostor's handle (a leading `@` is not part of it); the handle, the url or both"),
        Field("url", .text, "the impostor's profile address"),
        Field("reported", .date, required: true, "when it was reported to the platform"),
        Field("reported_to", .text, "where it was reported"),
        Field("case", .text, "the platform's ticket or case id"),
        Field("status", .choice(Impostor.Status.allCases.map(\.rawValue)), required: true, "`reported`, `removed` or `refused`: where the report stands"),
        Field("impersonates", .text, "the id of the unit it pretends to be"),
        Field("notes", .text, "for the communications office; never published"),
    ]
}
