@testable import HeraldCore
import Testing

/// A pattern that only asks for a start is answered without the regular-expression engine: the answer
/// must be the engine's for every handle.
@Suite struct HandlePatternTests {
    static let startPatterns = ["^fairhaven", "^[Ff]airhaven", "^city\\.", "^fh_", "^a-b", "^FH2", "^", "^[Kk]elvin", "^k"]
    static let otherPatterns = ["fairhaven", "^fair.*", "^[a-z]+", "^f?x", "^ab$", "^(a)", "^a{2}", "^\\d", "^[Fg]x", "^a+", "^city.", "^[F]x"]
    static let handles = ["FairhavenParks", "fairhaven", "fair", "xfairhaven", "FAIRHAVEN_x", "city.parks", "cityXparks", "CITY.x", "fh_1",
                          "FH_", "a-bc", "ab", "fh2news", "", "K", "\u{212A}fairhaven", "fairhavén", "Fairhaven\u{301}",
                          "\u{212A}elvin", "kelvin", "KELVIN", "kelvin\u{212A}"]

    @Test(arguments: startPatterns)
    func aStartIsComparedAsTheEngineMatches(_ source: String) throws {
        let pattern = try HandlePattern(source)
        #expect(pattern.asciiPrefix != nil, "\(source) only asks for a start")
        for handle in Self.handles {
            #expect(pattern.matches(handle) == ((try? pattern.regex.firstMatch(in: handle)) != nil), "\(source) on \(handle)")
        }
    }

    @Test(arguments: otherPatterns)
    func everyOtherPatternGoesToTheEngine(_ source: String) throws {
        #expect(try HandlePattern(source).asciiPrefix == nil)
    }
}
