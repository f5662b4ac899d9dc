@testable import HeraldCore
import Testing

/// The platform table is complete and sourced: every fact names where it comes from, every address form
/// reads an identifier kind the platform has, and names in use are never stricter than new names.
@Suite struct PlatformTableTests {
    @Test(arguments: Platform.allCases)
    func everyFactHasASource(_ platform: Platform) {
        let profile = PlatformProfile.of(platform)
        let sources = profile.handleKinds.map(\.source) + [profile.addressSource, profile.bioLimitSource] + (profile.stableID.map { [$0.rule.source] } ?? [])
        #expect(sources.allSatisfy { $0.contains("https://") || $0.contains("github.com/") }, "\(platform)")
        #expect(profile.addresses.allSatisfy { profile.rule(for: $0.kind) != nil }, "\(platform): an address form reads a kind the platform lacks")
        #expect(profile.platform == platform)
        #expect(platform == .mastodon ? profile.hosts.isEmpty : !profile.hosts.isEmpty)
    }

    /// Every example of a new name valid today is also valid in use: the stricter rules only narrow.
    @Test func namesInUseIncludeEveryNewName() {
        let samples = ["abcd", "abcde", "ab_cd", "a.b.c", "fairhaven", "FairhavenParks", "fairhaven.parks", "x1234567890123"]
        for platform in Platform.allCases {
            for rule in PlatformProfile.of(platform).handleKinds {
                guard let new = rule.newRegistration else { continue }
                for sample in samples where new.accepts(sample) {
                    let inUse = platform == .mastodon ? sample + "@social.example" : sample
                    #expect(rule.shape.accepts(inUse), "\(platform) \(rule.kind): \(sample) is a valid new name but not one in use")
                }
            }
        }
    }

    @Test func domainNamesFollowTheHandleSpecification() {
        #expect(DomainName.isValid("fairhaven.bsky.social") && DomainName.isValid("drb.doa.alaska.gov"))
        #expect(!DomainName.isValid("fairhaven") && !DomainName.isValid("-fair.gov") && !DomainName.isValid("fair.123"))
        #expect(!DomainName.isValid("bawü.social") && DomainName.isValid("bawü.social", allowingUnicode: true))
    }
}
