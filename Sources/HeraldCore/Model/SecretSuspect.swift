/// A place in a registry file that looks like a password, key or token. The loader keeps only where it is
/// and why it looks so; the value itself is blanked out before anything else reads the file, so no
/// report, message or rule can ever repeat it.
public struct SecretSuspect: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The key's name says it holds a secret (`password:`, `api_key:`).
        case secretKey
        /// The value has the shape of a known kind of credential (`a GitHub token`).
        case knownCredential(String)
        /// A long run of random-looking characters.
        case randomLooking
    }

    /// The key the value was written under (`password`, `bio`, `owners`), or the key itself for `secretKey`.
    public let key: String
    public let location: SourceLocation
    public let reason: Reason

    /// What replaces a value that looks like a credential, so whatever repeats the value repeats this.
    public static let redactedValue = "(removed by Herald: looks like a secret)"

    public init(key: String, location: SourceLocation, reason: Reason) {
        self.key = key
        self.location = location
        self.reason = reason
    }
}
