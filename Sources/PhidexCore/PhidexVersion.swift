/// The version of this build, recorded with every scan run.
public enum PhidexVersion {
    public static let current = "0.1.0"
}
