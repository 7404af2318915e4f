// An example of the structure policy: a text and what reading it must and must never report,
// checked by `phidex rules check`.

/// A structured example and what reading it must (and must never) report.
public struct StructureExample: Sendable, Decodable {
    public var text: String
    /// `[type, value]` pairs that must be found (compared normalized).
    public var expect: [[String]]
    /// `[type, value]` pairs that must not be reported.
    public var never: [[String]]

    enum CodingKeys: String, CodingKey { case text, expect, never }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        expect = try c.decode([[String]].self, forKey: .expect)
        never = try c.decodeIfPresent([[String]].self, forKey: .never) ?? []
    }
}
