import HeraldCore

/// No password, key or token is written in the registry. The finding names the key and the line, never
/// the value: what the loader withholds is `[withheld]` in every output, while rules see the value as written.
public struct NoSecretsRule: Rule {
    public static let description = RuleDescription(
        id: "no-secrets",
        summary: "No password, key or token is written in the registry",
        rationale: """
            The registry is shared with every department and kept in git, whose history never forgets: a \
            password written there is leaked. Herald looks in account files and in the organisation files \
            (people.yaml, unit files, herald.yaml) for keys named like a secret (password, passwd, secret, \
            token, api_key, private_key, …), for known credential formats anywhere in a value, inside text \
            too (token prefixes of GitHub, GitLab, Slack, AWS, Google, Stripe, Meta, npm, SendGrid, Shopify, \
            signed web tokens, private keys, `password is …` or `pwd: …`, links with a password or access \
            key in them), and for long random-looking values. Identity fields and ids (platform, handle, \
            url, channel_id, page_id, did, name, unit, owners, person and unit ids) are public by nature: \
            a YouTube channel id or a unit id with a hexadecimal suffix looks random and is no secret, so \
            only known credential formats count there. Findings name the key and the line; the secret (only \
            the token, when it sits inside a bio) is `[withheld]` in every report, message and annotation, \
            in any letter case, while every other rule still sees the value as written. The fix is to \
            delete it, change it where it is used (it stays in git history), and record only where it is \
            kept (`credentials:`). No waiver can excuse this rule.
            """,
        severity: .error,
        appliesToRetired: true,
        auditsOrganisationFiles: true,
        canBeWaived: false,
        passing: [
            .account(), .account(["credentials": "\"Bitwarden > Communications > Parks Instagram\""]),
            .account(["platform": "youtube", "handle": "UCLA8Uj6uGfuVOG9d-fxbMdA", "url": "https://www.youtube.com/channel/UCLA8Uj6uGfuVOG9d-fxbMdA"],
                     units: ExampleOrganisation.anyPlatform),
            .account(["url": "\"https://www.instagram.com/fairhavenparks/?igsh=MzRlODBiNWFlZA%3D%3D&utm_source=qr\""]),
        ],
        failing: [
            .account(["↓password": "Sunflower2026!"]),
            .account(["credentials": "↓ghp_8fK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8U"]),
            .account(["url": "↓\"https://fairhavenparks:Sunflower2026@www.instagram.com/fairhavenparks/\""]),
            .account(["bio": "↓\"Parks and Recreation Department. Not monitored 24/7. ghp_8fK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8U\""]),
            .account(["escalation": "↓\"Call Jane Doe; the password is Sunflower2026!\""]),
            .people("""
                - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks, policy_acknowledged: 2026-03-02}
                - id: asmith
                  name: Alex Smith
                  email: alex.smith@fairhaven.gov
                  unit: parks
                  policy_acknowledged: 2026-01-15
                  ↓instagram_password: Sunflower2026!
                - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}

                """),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        account.secretSuspects.map(violation)
    }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        context.registry.organisationSecrets.keys.sorted().flatMap { file in
            context.registry.organisationSecrets[file]!.map { OrganisationViolation(file: file, violation($0)) }
        }
    }

    private func violation(_ suspect: SecretSuspect) -> Violation {
        let fix = "delete it from the file, change it wherever it is used (git history keeps the old text), and record only where it is kept, under `credentials:`"
        switch suspect.reason {
        case .secretKey:
            return Violation(at: suspect.location, "key \"\(suspect.key)\" holds a secret (its value is not shown here): \(fix)", field: suspect.key)
        case let .knownCredential(kind):
            return Violation(at: suspect.location, "the value of \"\(suspect.key)\" looks like \(kind) (not shown here): \(fix)", field: suspect.key)
        case .randomLooking:
            return Violation(at: suspect.location,
                "the value of \"\(suspect.key)\" looks like a password or key, a long random string (not shown here): if it is one, \(fix); if not, write it differently",
                field: suspect.key)
        }
    }
}
