// The kinds of identifier Phidex reports. Open-ended like FileStatus: the
// catalogue grows issue by issue and the index stores the raw string.

/// The type of a detected identifier, as stored in the index and printed in reports.
public struct IdentifierType: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// US Social Security number, valid under SSA's post-2011 rules.
    public static let ssn = IdentifierType("ssn")
    /// IRS Individual Taxpayer Identification Number (area 9xx, groups 50–65, 70–88, 90–92, 94–99).
    public static let itin = IdentifierType("itin")
    /// IRS Adoption Taxpayer Identification Number (area 9xx, group 93).
    public static let atin = IdentifierType("atin")
    /// IRS Individual Retirement/Service Number (area 9xx, groups 01–10, 17–19, 28–29, 37–39).
    public static let irsn = IdentifierType("irsn")
    /// Printed like an SSN but never issuable (area 000/666/9xx outside the IRS ranges, group 00,
    /// serial 0000): test data, synthetic records or typos. Reported at low confidence.
    public static let ssnNeverIssued = IdentifierType("ssn_never_issued")

    /// Medicare Beneficiary Identifier (11 characters, CMS positions and letters).
    public static let mbi = IdentifierType("mbi")
    /// Legacy Medicare Health Insurance Claim Number: an SSN plus a beneficiary code.
    public static let hicn = IdentifierType("hicn")
    /// National Provider Identifier (identifies a provider, not a patient).
    public static let npi = IdentifierType("npi")
    /// DEA registration number (identifies a prescriber).
    public static let dea = IdentifierType("dea")
    /// Medical record number (no standard format: found by label and structure).
    public static let mrn = IdentifierType("mrn")
    /// Date of birth (a date with birth context).
    public static let dob = IdentifierType("dob")
    /// Health-plan member, subscriber, policy or Medicaid ID (found by label).
    public static let memberID = IdentifierType("member_id")

    /// A telephone number (North American shapes), where a label or column says so.
    public static let phone = IdentifierType("phone")
    /// Clinical context (an ICD-10-CM code, clinical vocabulary): evidence that identifiers near it
    /// are health information. Counted per file for the risk score; never stored as a finding.
    public static let clinicalTerm = IdentifierType("clinical_term")
    /// A person's name, where a label, column, key or HL7 field says so.
    public static let name = IdentifierType("name")
    /// An email address, where a label or column says so.
    public static let email = IdentifierType("email")
    /// A postal address (street line, city, state, ZIP), where structure, a column or a label says so.
    public static let address = IdentifierType("address")

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
