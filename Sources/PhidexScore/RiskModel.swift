// The risk model's factors beyond identifier weights, read from Model/risk.json
// (compiled into the binary): a record bonus, a clinical-context multiplier and
// exposure multipliers. docs/risk.md explains each and how they combine.

import Foundation
public import PhidexCore

/// The weights and multipliers of the risk model.
public struct RiskModel: Sendable, Decodable {
    public struct Record: Sendable, Decodable {
        /// Points for records that tie a strong identifier to a name or date of birth, × (1 + log2 n).
        public var points: Double
        public var strong: [String]
        public var personal: [String]
        public var label: String
    }

    public struct Clinical: Sendable, Decodable {
        public var multiplier: Double
        public var label: String
    }

    public struct Exposure: Sendable, Decodable {
        public var worldReadable: Double
        public var groupReadable: Double
        public var labelWorld: String
        public var labelGroup: String

        enum CodingKeys: String, CodingKey {
            case worldReadable = "world_readable", groupReadable = "group_readable"
            case labelWorld = "label_world", labelGroup = "label_group"
        }
    }

    public var record: Record
    public var clinical: Clinical
    public var exposure: Exposure

    /// The model Phidex ships.
    public static let builtIn: RiskModel = {
        do {
            return try JSONDecoder().decode(RiskModel.self, from: Data(PackageResources.risk_json))
        } catch {
            preconditionFailure("Model/risk.json does not decode: \(error)")  // a build defect, caught by every test
        }
    }()

    /// Types whose values identify a person on their own.
    public var strongTypes: Set<IdentifierType> { Set(record.strong.map(IdentifierType.init(rawValue:))) }
    /// Types that say whose a record is.
    var personalTypes: Set<IdentifierType> { Set(record.personal.map(IdentifierType.init(rawValue:))) }
}
