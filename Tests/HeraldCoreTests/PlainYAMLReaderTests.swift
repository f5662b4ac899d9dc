import Foundation
@testable import HeraldCore
import Testing

/// The fast reader must give libyaml's tree, line and column for every file it accepts, and leave every
/// other file to libyaml.
@Suite struct PlainYAMLReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func fast(_ text: String) -> YAMLNode? {
        Array(text.utf8).withUnsafeBufferPointer { PlainYAMLReader.read($0) }
    }

    func libyaml(_ text: String) -> YAMLNode? {
        Array(text.utf8).withUnsafeBufferPointer { try? YAMLComposer.compose($0) }
    }

    static let accepted = [
        "key: value\n", "key:   spaced out   \n", "key: \"quoted  text\"\n", "key: 'single'\n", "key: \"\"\n",
        "key: [a, b , c]\n", "key: []\n", "key: [ \"a b\", 'c' ]\n", "key: [jdoe,asmith]\n", "a: 1\r\nb: 2\r\n",
        "# comment\n\nkey: v\n", "\n  \nkey: v\n\n", "bio: café ünïcode ✓\nnext: [é, ü]\n", "url: https://x.com/a?b=c&d=e\n",
        "bio: \"He said 'hi' #1\"\n", "name: Mayor's Office\n", "a: 1\na: 2\n", "status: ~\nactive: true\n",
        "key: \"x\"   \n", "last_reviewed: 2026-06-01\n", "owners: [jdoe, \"asmith\"]   \n", "k-e_y2: v\n",
        // people.yaml: one entry per line.
        "- {id: jdoe, name: \"Jane Doe\", email: jane.doe@fairhaven.gov, unit: parks, active: false, policy_acknowledged: 2026-01-30}\n",
        "# Everyone who may own an account\n- {id: a, name: José Park}\n\n-   { id: b ,  name: 'B' }   \n- {id: c, github: c-1}\r\n",
        "- {id: a, name: Mayor's Office, note: \"He said 'hi' #1\"}\n",
    ]

    static let leftToLibyaml = [
        "key: value # comment\n", "key: 'it''s'\n", "key: \"a\\nb\"\n", "key:\n  nested: x\n", "key: a\n  continued\n",
        "key: [a, [b]]\n", "key: {a: b}\n", "- a\n", "key: &x a\nother: *x\n", "key: |\n  text\n", "key: -5\n",
        "key: a: b\n", "key: \"unterminated\n", "key:value\n", "---\nkey: v\n", "key: v\n...\n", "key:\n", "key: \tv\n",
        "key: v\rw\n", "key: [a,,b]\n", "key: [a\n", "key: \"a\"b\n", "key: [a]x\n", " key: v\n", "\"key\": v\n", "2fa: v\n",
        "key: a:\n", "key: [a:b]\n", "", "# only a comment\n", "key: ?x\n", "key: !tag x\n",
        "platform: x\n" + String(repeating: "a", count: 1025) + ": v\n",
        "- {id: a}\nkey: v\n", "key: v\n- {id: a}\n", "- {id: a\n", "- {id: {a: b}}\n", "- {}\n", "- {id: a} # c\n",
        "- {id: [a]}\n", "- {id: a, }\n", "- {id: a}x\n", "-{id: a}\n", "- {id: a:b}\n", "  - {id: a}\n", "- {id: a # c}\n",
        "- {id: \"a\\\"b\"}\n", "- {id: a}}\n", "- {id: a b: c}\n", "- {id: }\n", "- id: a\n", "- {id: a,\n  name: b}\n",
    ]

    @Test(arguments: accepted)
    func acceptsThePlainShapeExactlyAsLibyamlReadsIt(_ text: String) throws {
        let node = try #require(fast(text), "should be read by the fast reader")
        #expect(node == libyaml(text))
    }

    @Test(arguments: leftToLibyaml)
    func leavesEverythingElseToLibyaml(_ text: String) {
        #expect(fast(text) == nil)
    }

    @Test func keysUpToLibyamlsLimitAreReadTheSame() throws {
        let text = "platform: x\n" + String(repeating: "a", count: 1000) + ": v\n"
        let node = try #require(fast(text))
        #expect(node == libyaml(text))
    }

    @Test func readsTheShippedPeopleFileAsLibyamlDoes() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("Inventory/people.yaml"), encoding: .utf8)
        let node = try #require(fast(text), "people.yaml's one-line entries should be read by the fast reader")
        #expect(node == libyaml(text))
    }

    @Test func agreesWithLibyamlOnEveryFileOfTheRepository() throws {
        var accepted = 0, total = 0
        for folder in ["Inventory", "Tests"] {
            let root = Self.repository.appendingPathComponent(folder)
            for case let path as String in FileManager.default.enumerator(atPath: root.path)! where path.hasSuffix(".yaml") {
                // A fixture that is not UTF-8 on purpose never reaches either reader (the loader refuses it).
                guard let text = String(data: try Data(contentsOf: root.appendingPathComponent(path)), encoding: .utf8) else { continue }
                // Nor does a file with raw control characters: the loader reports them before parsing.
                guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }) else { continue }
                // The hostile fixture is unusual on purpose, and the real-accounts corpus is a list, not a registry file:
                // the share of the fast reader is about ordinary files.
                // Lists are left out of the share: the fast reader takes people.yaml's one-line entries, and
                // leaves the blocks of impostors.yaml to libyaml.
                let ordinary = !path.contains("HostileInventory") && !path.contains("RealAccounts")
                    && !path.hasSuffix("people.yaml") && !path.hasSuffix("impostors.yaml")
                if ordinary { total += 1 }
                guard let node = fast(text) else { continue }
                if ordinary { accepted += 1 }
                #expect(node == libyaml(text), "\(folder)/\(path)")
            }
        }
        #expect(total > 80)
        #expect(accepted * 10 > total * 8, "the fast reader should take most registry files: \(accepted) of \(total)")
    }
}
