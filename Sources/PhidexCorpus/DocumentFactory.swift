// Makes the corpus's documents. Each format lives in its own extension file
// (DocumentFactory+Clinical.swift, +Mail, +Office, +Benign, +Binary); this file
// holds the shared state: the seeded generator, the population and the providers.

/// Generates documents about a fixed synthetic population.
struct DocumentFactory {
    /// A synthetic clinician: NPI and DEA numbers identify providers, not patients.
    struct Provider {
        var name: String
        var npi: String
        var dea: String
    }

    var rng: SeededGenerator
    let people: [SyntheticPerson]
    let providers: [Provider]

    static let clinics = ["Riverside Family Clinic", "Northgate Medical Group", "Lakeview Health Center"]
    static let plans = ["Blue Meadow PPO", "Summit Health HMO", "Evergreen Choice", "Medicare Advantage Plus"]
    static let diagnoses: [(String, String)] = [
        ("type 2 diabetes mellitus without complications", "E11.9"), ("essential hypertension", "I10"),
        ("hyperlipidemia, unspecified", "E78.5"), ("mild intermittent asthma", "J45.20"),
        ("major depressive disorder, single episode", "F32.9"), ("chronic kidney disease, stage 3", "N18.30"),
        ("long-term use of insulin", "Z79.4"), ("low back pain", "M54.50"),
        ("gastro-esophageal reflux disease", "K21.9"), ("hypothyroidism, unspecified", "E03.9"),
    ]
    static let medications = [
        "metformin 500 mg twice daily", "lisinopril 10 mg daily", "atorvastatin 20 mg at bedtime",
        "albuterol inhaler as needed", "sertraline 50 mg daily", "levothyroxine 75 mcg daily",
        "omeprazole 20 mg before breakfast",
    ]
    static let complaints = [
        "follow-up of chronic conditions", "medication refill", "fatigue for two weeks", "cough and congestion",
        "elevated home blood pressure readings", "annual wellness visit", "knee pain after a fall",
    ]

    init(rng: SeededGenerator, people: [SyntheticPerson]) {
        var rng = rng
        var providers: [Provider] = []
        for _ in 0..<12 {
            let family = rng.pick(SyntheticPerson.familyNames)
            providers.append(Provider(
                name: "Dr. " + rng.pick(SyntheticPerson.givenNames) + " " + family,
                npi: IdentifierForge.npi(&rng), dea: IdentifierForge.dea(surname: family, &rng)))
        }
        self.rng = rng
        self.people = people
        self.providers = providers
    }

    /// `count` distinct people drawn at random; the same person appears in several files.
    mutating func patients(_ count: Int) -> [SyntheticPerson] {
        var chosen: [SyntheticPerson] = []
        var taken = Set<Int>()
        while chosen.count < min(count, people.count) {
            let person = rng.pick(people)
            if taken.insert(person.id).inserted { chosen.append(person) }
        }
        return chosen
    }

    mutating func provider() -> Provider { rng.pick(providers) }

    /// A date in 2019–2024 that is not a birth date (service, invoice, printed).
    mutating func recentDate() -> SyntheticDate { SyntheticDate.random(years: 2019...2024, &rng) }
}
