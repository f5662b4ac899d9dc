@testable import HeraldRules
import Testing

@Suite struct NormalizedTextTests {
    func contains(_ text: String, _ phrase: String) -> Bool {
        NormalizedText(text).contains(NormalizedText(phrase))
    }

    @Test func ignoresCaseWhitespaceAndDiacritics() {
        #expect(contains("Official: DÉPARTEMENT  de la\tSanté publique", "Departement de la sante"))
        #expect(contains("public health", "Public Health"))
        #expect(contains("Zürich Parks", "zurich parks"))
    }

    @Test func matchesWholeWordsOnly() {
        #expect(!contains("adphoto club", "DPH"))
        #expect(!contains("Fairhaven Parksville", "Fairhaven Parks"))
        #expect(contains("News from DPH.", "DPH"))
        #expect(contains("(DPH)", "DPH"))
    }

    @Test func punctuationAtThePhraseEdgeNeedsNoBoundary() {
        #expect(contains("Not monitored 24/7.Call 911", "Not monitored 24/7."))
    }

    @Test func emptyAndLongerPhrases() {
        #expect(!contains("", "Parks"))
        #expect(!contains("Parks", "Parks and Recreation"))
    }

    @Test func curlyQuotesAndDashesMatchStraightOnes() {
        #expect(contains("News from the Mayor\u{2019}s Office", "Mayor's Office"))
        #expect(contains("Parks \u{2013} Recreation", "Parks - Recreation"))
        #expect(!contains("Mayors Office", "Mayor's Office"))
    }
}
