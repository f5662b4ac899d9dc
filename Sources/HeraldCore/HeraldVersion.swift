/// Herald's version, printed by `--version` and written into every report.
public enum HeraldVersion {
    public static let current = "0.1.0"
}
