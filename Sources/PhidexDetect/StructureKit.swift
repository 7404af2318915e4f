// What the structure readers of every stream share: the policy and the typed-value reader,
// built once per engine; and the reader a format calls for.

/// What the structure readers share, built once per engine: the policy and the typed-value reader.
struct StructureKit: Sendable {
    let policy: StructurePolicy
    let values: FieldValues

    func reader(_ format: StructureFormat, names: FieldNames) -> any StructureReader {
        let interpreter = RecordInterpreter(policy: policy, values: values, names: names)
        switch format {
        case .hl7: return HL7Reader(values: values, policy: policy)
        case .json: return JSONReader(interpreter: interpreter)
        case .xml: return XMLReader(interpreter: interpreter)
        }
    }
}
