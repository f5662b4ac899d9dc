import CSV
import Foundation
import HeraldCore

/// The accounts table `herald export --format csv` writes for the people who still read spreadsheets:
/// one row per account file, with the column names `herald import` reads back, so the two round-trip.
/// Written with CSV.swift's writer (quotes, line breaks and delimiters quoted as RFC 4180 asks).
public enum AccountTable {
    /// The columns, as `herald import` names them, and how each is read from an account.
    static let columns: [(name: String, value: @Sendable (Account) -> String?)] = [
        ("Platform", { $0.platform?.value.rawValue }), ("Handle", { $0.handle?.value }), ("URL", { $0.url?.value }),
        ("Unit", { $0.unit?.value }), ("Name", { $0.name?.value }), ("Bio", { $0.bio?.value }),
        ("Owners", { $0.owners.map { $0.value.map(\.value).joined(separator: "; ") } }), ("Status", { $0.status?.value.rawValue }),
        ("Created", { $0.created?.value.description }), ("Last reviewed", { $0.lastReviewed?.value.description }),
        ("Two factor", { $0.twoFactor.map { $0.value ? "true" : "false" } }), ("Credentials", { $0.credentials?.value }),
        ("Recovery email", { $0.recoveryEmail?.value }), ("Escalation", { $0.escalation?.value }), ("Last post", { $0.lastPost?.value.description }),
    ]

    /// The table of `accounts` (files that could not be read as accounts are left out), CRLF line ends as
    /// spreadsheet programs expect, UTF-8 with a byte order mark so that Excel reads accents right.
    public static func csv(_ accounts: [Account]) throws -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: columns.map(\.name))
        for account in accounts where account.wasRead && account.platform != nil {
            try writer.write(row: columns.map { $0.value(account) ?? "" })
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return [0xEF, 0xBB, 0xBF] + Array(data)
    }
}
