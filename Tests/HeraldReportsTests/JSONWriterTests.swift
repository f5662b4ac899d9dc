import Foundation
@testable import HeraldReports
import Testing

@Suite struct JSONWriterTests {
    func written(_ body: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter()
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func escapesWhatJSONRequiresAndKeepsTheRest() throws {
        let hostile = "quote \" backslash \\ newline \n tab \t bell \u{07} escape \u{1B} del \u{7F} separator \u{2028} emoji 🎉 rtl \u{202E} é"
        let text = written { $0.object { $0.key("bio"); $0.string(hostile) } }
        #expect(text.contains(#"quote \" backslash \\ newline \n tab \t bell \u0007 escape \u001b del \u007f separator \u2028 emoji 🎉 rtl "#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(parsed["bio"] == hostile)
    }

    @Test func nestsAndIndents() {
        let text = written { json in
            json.object { json in
                json.key("empty"); json.array { _ in }
                json.key("list"); json.array { json in json.number(1); json.string(nil) }
                json.key("object"); json.object { json in json.key("a"); json.number(-2) }
            }
        }
        #expect(text == """
            {
              "empty": [],
              "list": [
                1,
                null
              ],
              "object": {
                "a": -2
              }
            }
            """)
    }
}
