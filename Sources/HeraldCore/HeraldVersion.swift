/// Herald's version, printed by `--version` and written into every report.
public enum HeraldVersion {
    public static let current = "0.1.0"
}

import CLibYAML

extension HeraldVersion {
    /// The version of the libyaml the process runs with (as `yaml_get_version_string` reports it, e.g.
    /// `0.2.5`), which reads every YAML file libyaml's own reader is needed for.
    public static var libyaml: String { String(cString: yaml_get_version_string()) }
}
