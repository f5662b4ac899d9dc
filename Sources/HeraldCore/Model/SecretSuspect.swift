/// A place in a registry file that looks like a password, key or token: where it is and why it looks so.
/// The value stays in the model for the rules; what must not be printed is in `Account.withheld` (and
/// `Registry.organisationWithheld`), and `Redaction` hides it from every output.
public struct SecretSuspect: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The key's name says it holds a secret (`password:`, `api_key:`).
        case secretKey
        /// The value has, or holds, a known kind of credential (`a GitHub token`).
        case knownCredential(String)
        /// A long run of random-looking characters.
        case randomLooking
    }

    /// The key the value was written under (`password`, `bio`, `owners`), or the key itself for `secretKey`.
    public let key: String
    public let location: SourceLocation
    public let reason: Reason

    public init(key: String, location: SourceLocation, reason: Reason) {
        self.key = key
        self.location = location
        self.reason = reason
    }
}
