// Small formatting helpers shared by the report formats.

import Foundation

/// Formatting shared by the reports and the CLI's summary line.
public enum Formatting {
    /// Decimal byte sizes: `0 B`, `532 B`, `1.2 kB`, `3.4 MB`, `1.0 GB`.
    public static func bytes(_ count: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// Permission bits as four octal digits, e.g. `0644`.
    public static func permissions(_ mode: UInt32) -> String {
        let octal = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    }

    /// Nanoseconds since the epoch as ISO 8601 UTC.
    public static func timestamp(nanoseconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(nanoseconds) / 1e9).ISO8601Format()
    }

    /// A value key as 16 hex digits.
    public static func valueKey(_ key: Int64) -> String {
        let hex = String(UInt64(bitPattern: key), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    public static func rightAligned(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    public static func confidence(_ value: Double) -> String { String(format: "%.2f", value) }
}
