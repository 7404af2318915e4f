// What the crawler hands the scan workers.

public import PhidexCore

/// A file to read, or an outcome already settled by the crawl (skipped or failed).
public enum CrawlItem: Sendable {
    /// A regular file to open and scan.
    case file(FileEntry)
    /// Recorded as it is: a special file, a symlink not followed, an unreadable directory, …
    case settled(FileOutcome)
}
