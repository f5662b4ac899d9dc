import Foundation
import HeraldCore

/// A small inventory written to a fresh temporary folder: a Parks unit under City Hall and three people,
/// plus whatever files a test adds or replaces.
struct TemporaryInventory {
    let root: URL

    static let baseFiles: [String: String] = [
        "herald.yaml": "organisation: City of Fairhaven\nofficial_domains: [fairhaven.gov]\nstandards:\n  min_owners: 2\n",
        "people.yaml": "- {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov}\n- {id: asmith, name: Alex Smith}\n- id: bleft\n  name: Bo Left\n  active: false\n",
        "units/city-hall.yaml": "id: city-hall\nname: City Hall\n",
        "units/parks.yaml": "id: parks\nname: Parks and Recreation Department\nparent: city-hall\n",
    ]

    static let validAccount = """
        platform: x
        handle: FairhavenParks
        url: https://x.com/FairhavenParks
        unit: parks
        bio: Parks and Recreation Department
        owners: [jdoe, asmith]
        status: active
        last_reviewed: 2026-10-01

        """

    init(_ files: [String: String?] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-\(UUID().uuidString)/Inventory")
        var all = Self.baseFiles.mapValues { Optional($0) }
        all["accounts/parks/x-fairhavenparks.yaml"] = Self.validAccount
        for (path, text) in files { all[path] = text }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("accounts"), withIntermediateDirectories: true)
        for (path, text) in all {
            guard let text else { continue }
            try write(Data(text.utf8), to: path)
        }
    }

    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func load() throws(InventoryError) -> Registry {
        try InventoryLoader(root: root.path, knownRules: ["review-current", "owner-assigned"]).load()
    }

    /// The account loaded from `path` (under `accounts/`).
    func account(_ path: String) throws -> Account {
        let registry = try load()
        guard let account = registry.accounts.first(where: { $0.file == root.path + "/accounts/" + path }) else {
            throw InventoryError(problems: [])
        }
        return account
    }

    func remove() {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}
