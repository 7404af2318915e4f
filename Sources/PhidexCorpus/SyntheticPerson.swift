// A made-up patient or employee: a name drawn from short lists of common given
// names and surnames, a made-up address and random identifiers. No record of a
// real person is used; combinations are random.

/// One synthetic person and every identifier the corpus may write for them.
public struct SyntheticPerson: Sendable {
    public var id: Int
    public var given: String
    public var family: String
    public var sex: String
    public var birth: SyntheticDate
    /// Their SSN (`NNN-NN-NNNN`), or nil when they have an ITIN instead.
    public var ssn: String?
    public var itin: String?
    public var mrn: String
    public var mbi: String?
    /// A legacy Medicare claim number, for some beneficiaries in old records.
    public var hicn: String?
    public var memberID: String
    public var street: String
    public var city: String
    public var state: String
    public var zip: String
    public var phone: String

    /// The taxpayer number printed for them (SSN or ITIN), with its type.
    public var taxID: (type: String, value: String) {
        if let ssn { return ("ssn", ssn) }
        return ("itin", itin!)
    }

    /// A made-up address at a reserved example domain (RFC 2606), distinct per person.
    public var email: String { given.lowercased() + "." + family.lowercased() + String(id) + "@mail.example" }

    static let givenNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
        "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley",
        "Andrew", "Emily", "Kenji", "Mei", "Olu", "Amara", "Ivan", "Sofia", "Ahmed", "Priya",
    ]
    static let familyNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Nguyen", "Patel", "Kim", "Okafor", "Novak", "Rossi", "Schmidt", "Haddad", "Tanaka", "Kowalski",
    ]
    static let streets = ["Maple", "Oak", "Cedar", "Elm", "Pine", "Lakeview", "Hillcrest", "Riverside", "Sunset", "Park"]
    static let streetKinds = ["St", "Ave", "Rd", "Ln", "Dr", "Ct"]
    static let towns: [(String, String, Int)] = [
        ("Springfield", "IL", 62701), ("Riverton", "WY", 82501), ("Fairview", "OR", 97024),
        ("Greenville", "SC", 29601), ("Madison", "WI", 53703), ("Franklin", "TN", 37064),
        ("Georgetown", "TX", 78626), ("Salem", "MA", 1970), ("Clinton", "IA", 52732), ("Ashland", "KY", 41101),
    ]

    /// A deterministic population of `count` people with distinct identifiers.
    public static func population(count: Int, rng: inout SeededGenerator) -> [SyntheticPerson] {
        var seen = Set<String>()
        func fresh(_ make: (inout SeededGenerator) -> String) -> String {
            while true {
                let value = make(&rng)
                if seen.insert(value.filter { $0 != "-" }).inserted { return value }
            }
        }
        return (0..<count).map { id in
            let hasITIN = rng.chance(0.04)
            let ssn = hasITIN ? nil : fresh(IdentifierForge.ssn)
            let birth = SyntheticDate(year: rng.int(1931...2015), month: rng.int(1...12), day: rng.int(1...28))
            let onMedicare = birth.year < 1960 || rng.chance(0.05)
            let town = rng.pick(towns)
            return SyntheticPerson(
                id: id,
                given: rng.pick(givenNames), family: rng.pick(familyNames),
                sex: rng.chance(0.5) ? "F" : "M",
                birth: birth,
                ssn: ssn,
                itin: hasITIN ? fresh(IdentifierForge.itin) : nil,
                mrn: fresh(IdentifierForge.mrn),
                mbi: onMedicare ? fresh(IdentifierForge.mbi) : nil,
                hicn: onMedicare && ssn != nil && rng.chance(0.3) ? IdentifierForge.hicn(ssn: ssn!, &rng) : nil,
                memberID: fresh(IdentifierForge.memberID),
                street: String(rng.int(10...9899)) + " " + rng.pick(streets) + " " + rng.pick(streetKinds),
                city: town.0, state: town.1, zip: IdentifierForge.pad(town.2 + rng.int(0...40), 5),
                phone: IdentifierForge.phone(&rng)
            )
        }
    }
}
