/// casebook's version, in one place: `--version` and `casebook doctor` print it.
public enum CasebookVersion {
    public static let current = "0.1.0"
}
