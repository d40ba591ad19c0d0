import CCmark

/// The libcmark casebook is linked with, for `casebook doctor` (only this module imports CCmark).
public enum CmarkVersion {
    /// As libcmark reports it, e.g. "0.30.2".
    public static var string: String { String(cString: cmark_version_string()) }
}
