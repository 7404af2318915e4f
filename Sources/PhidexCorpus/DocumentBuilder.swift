// Writes a text document while recording, at the moment each value is written,
// what it is. A value can only enter the truth manifest by being written here.

/// A text document under construction, with its truth entries.
struct DocumentBuilder {
    var format: String
    var text = ""
    var entries: [TruthEntry] = []

    init(format: String) { self.format = format }

    mutating func write(_ piece: String) { text += piece }

    /// Writes `value`, a real (synthetic) identifier a scanner must find.
    mutating func plant(_ type: String, _ value: String, person: Int? = nil) {
        text += value
        record(type, value, person: person)
    }

    /// Records an identifier written by other means (split across runs, encoded).
    mutating func record(_ type: String, _ value: String, person: Int? = nil) {
        entries.append(TruthEntry(kind: .plant, path: "", format: format, type: type, value: value, person: person))
    }

    /// Writes `value`, a lookalike of `imitates` that must not be reported.
    mutating func decoy(_ kind: String, imitates type: String, _ value: String) {
        text += value
        recordDecoy(kind, imitates: type, value)
    }

    mutating func recordDecoy(_ kind: String, imitates type: String, _ value: String) {
        entries.append(TruthEntry(kind: .decoy, path: "", format: format, type: type, value: value, decoy: kind))
    }

    /// The taxpayer number of `person`, with its type.
    mutating func plantTaxID(of person: SyntheticPerson, bare: Bool = false) {
        let id = person.taxID
        plant(id.type, bare ? id.value.filter(\.isNumber) : id.value, person: person.id)
    }

    func artifact(name: String) -> Artifact {
        Artifact(name: name, format: format, bytes: Array(text.utf8), entries: entries)
    }
}
