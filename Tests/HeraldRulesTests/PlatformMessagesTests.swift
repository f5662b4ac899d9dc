@testable import HeraldCore
@testable import HeraldRules
import Testing

/// What the platform rules say: a proposed address is only one the platform table proves leads to the same
/// account, built from the handle as the platform writes it.
@Suite struct PlatformMessagesTests {
    func message(_ platform: Platform, handle: String, url: String, stableID: String? = nil) -> String? {
        URLMatchesHandleRule.problem(with: url, handle: handle, identifiers: AccountIdentifiers(platform: platform, handle: handle, stableID: stableID))
    }

    /// A YouTube name may be a handle, a legacy username or a custom URL, each possibly another channel's.
    @Test func noYouTubeAddressIsProposedFromANameAlone() throws {
        let text = try #require(message(.youtube, handle: "NASAtelevision", url: "https://www.youtube.com/@SomethingElse"))
        #expect(!text.contains("youtube.com/@NASAtelevision") && !text.contains("youtube.com/user/NASAtelevision"))
        #expect(text.hasSuffix("copy the address from the account's own page on youtube, or correct the handle"))
        // With the channel id recorded, the channel's own address is proven.
        let withID = try #require(message(.youtube, handle: "NASAtelevision", url: "https://www.youtube.com/@SomethingElse", stableID: "UCLA8Uj6uGfuVOG9d-fxbMdA"))
        #expect(withID.contains("write https://www.youtube.com/channel/UCLA8Uj6uGfuVOG9d-fxbMdA"))
    }

    @Test func plainHTTPIsFixedInTheSameAddressForm() {
        #expect(message(.youtube, handle: "NASAtelevision", url: "http://www.youtube.com/user/NASAtelevision")
                == "the url uses plain http, which can be intercepted: write https://www.youtube.com/user/NASAtelevision")
    }

    /// People copy a handle with its `@`: the hint has one `@`, not two.
    @Test func aHandleCopiedWithItsAtGivesAHintWithOne() throws {
        let text = try #require(message(.threads, handle: "@fairhavenhhs", url: "https://www.threads.net/@someoneelse"))
        #expect(text.contains("write https://www.threads.com/@fairhavenhhs,"))
        #expect(AccountIdentifiers.fileStem(platform: .threads, handle: "@fairhavenhhs") == "threads-fairhavenhhs")
    }

    @Test(arguments: [
        (Platform.x, "FBI", "https://twitter.com/FBI"), (.x, "UN", "https://mobile.twitter.com/UN?lang=en"),
        (.youtube, "NASA", "https://www.youtube.com/c/NASA"), (.youtube, "NASAtelevision", "https://m.youtube.com/user/NASAtelevision/videos"),
        (.youtube, "UCLA8Uj6uGfuVOG9d-fxbMdA", "https://www.youtube.com/channel/UCLA8Uj6uGfuVOG9d-fxbMdA"),
        (.facebook, "302585569816186", "https://www.facebook.com/Blackwater-Volunteer-Rescue-Squad-302585569816186/"),
        (.facebook, "103403749697601", "https://www.facebook.com/pages/City-of-Bismarck-North-Dakota/103403749697601?v=wall"),
        (.facebook, "Blackwater-Volunteer-Rescue-Squad-302585569816186", "https://www.facebook.com/profile.php?id=302585569816186"),
        (.facebook, "Rep.Shuster", "https://m.facebook.com/RepShuster"), (.instagram, "CityOfExample", "https://www.instagram.com/cityofexample/"),
        (.mastodon, "AuswaertigesAmt@social.bund.de", "https://social.bund.de/@auswaertigesamt"),
        (.mastodon, "RegierungBW@mastodon.social", "https://mastodon.social/users/RegierungBW"),
        (.mastodon, "Umweltministerium@bawü.social", "https://bawü.social/@Umweltministerium"),
        (.bluesky, "did:plc:chvwpwlbfofjbxlynd3dhzab", "https://bsky.app/profile/did:plc:chvwpwlbfofjbxlynd3dhzab"),
        (.linkedin, "18956", "https://www.linkedin.com/edu/school?id=18956"), (.linkedin, "official-tshwane-university-of-technology", "https://za.linkedin.com/company/official-tshwane-university-of-technology"),
    ])
    func realAddressFormsLeadToTheirAccount(_ platform: Platform, _ handle: String, _ url: String) {
        #expect(AccountIdentifiers(platform: platform, handle: handle).handleCanExist)
        #expect(message(platform, handle: handle, url: url) == nil, "\(url)")
    }

    /// Facebook usernames are letters, digits and periods; a Page without one is reached by its id.
    @Test func aFacebookUsernameWithHyphensAndNoIdCannotExist() {
        #expect(!AccountIdentifiers(platform: .facebook, handle: "Office-of-Jane-Doe").handleCanExist)
        #expect(AccountIdentifiers(platform: .facebook, handle: "Office-of-Jane-Doe-123456789012345").handleCanExist)
    }

    /// Two files of one account: the same name in another case, or the same stable id under another name.
    @Test func identityKeysFoldCaseOnlyWherePlatformsIgnoreIt() {
        #expect(AccountIdentifiers(platform: .instagram, handle: "CityOfExample").identityKeys == AccountIdentifiers(platform: .instagram, handle: "@cityofexample").identityKeys)
        #expect(AccountIdentifiers(platform: .youtube, handle: "UCLA8Uj6uGfuVOG9d-fxbMdA").identityKeys
                != AccountIdentifiers(platform: .youtube, handle: "UCLA8Uj6uGfuVOG9d-fxbMda").identityKeys)
        let named = AccountIdentifiers(platform: .youtube, handle: "NASA", stableID: "UCLA8Uj6uGfuVOG9d-fxbMdA").identityKeys
        #expect(named.contains("youtube#UCLA8Uj6uGfuVOG9d-fxbMdA") && named.contains("youtube:nasa"))
        // Facebook: "periods and capitalization can't be used to differentiate usernames".
        #expect(AccountIdentifiers(platform: .facebook, handle: "Rep.Shuster").identityKeys == AccountIdentifiers(platform: .facebook, handle: "repshuster").identityKeys)
    }
}
