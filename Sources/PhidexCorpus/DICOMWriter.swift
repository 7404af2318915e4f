// A minimal DICOM file for the corpus and tests: the preamble, `DICM`, the file
// meta group, patient and study elements, and a small pixel data element, in
// explicit or implicit VR little endian. Only what a header reader needs; the
// "image" is a few bytes of zeros.

/// Builds a DICOM file element by element.
public struct DICOMWriter {
    public let explicitVR: Bool
    private var dataset: [UInt8] = []

    public init(explicitVR: Bool = true) { self.explicitVR = explicitVR }

    /// Appends a text element (`vr` is its value representation: PN, LO, DA, …).
    public mutating func add(_ group: UInt16, _ element: UInt16, _ vr: String, _ value: String) {
        var bytes = Array(value.utf8)
        if bytes.count % 2 == 1 { bytes.append(vr == "UI" ? 0 : 0x20) }
        dataset += Self.element(group, element, vr, bytes, explicit: explicitVR)
    }

    /// Appends a sequence of one item holding `item`'s elements (undefined lengths, as scanners write).
    public mutating func addSequence(_ group: UInt16, _ element: UInt16, item: DICOMWriter) {
        dataset += Self.le(group) + Self.le(element)
        if explicitVR { dataset += Array("SQ".utf8) + [0, 0] }
        dataset += Self.le32(0xFFFF_FFFF)
        dataset += Self.le(0xFFFE) + Self.le(0xE000) + Self.le32(0xFFFF_FFFF) + item.dataset
        dataset += Self.le(0xFFFE) + Self.le(0xE00D) + Self.le32(0)
        dataset += Self.le(0xFFFE) + Self.le(0xE0DD) + Self.le32(0)
    }

    /// The whole file: preamble, meta group, dataset, pixel data.
    public func bytes() -> [UInt8] {
        let syntax = explicitVR ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2"
        var meta: [UInt8] = []
        meta += Self.element(0x0002, 0x0001, "OB", [0, 1], explicit: true)
        meta += Self.element(0x0002, 0x0002, "UI", Self.padded("1.2.840.10008.5.1.4.1.1.7"), explicit: true)
        meta += Self.element(0x0002, 0x0003, "UI", Self.padded("2.25.1234567890"), explicit: true)
        meta += Self.element(0x0002, 0x0010, "UI", Self.padded(syntax), explicit: true)
        var file = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        file += Self.element(0x0002, 0x0000, "UL", Self.le32(UInt32(meta.count)), explicit: true) + meta
        file += dataset
        file += Self.element(0x7FE0, 0x0010, "OW", [UInt8](repeating: 0, count: 64), explicit: explicitVR)
        return file
    }

    private static func padded(_ uid: String) -> [UInt8] {
        var bytes = Array(uid.utf8)
        if bytes.count % 2 == 1 { bytes.append(0) }
        return bytes
    }

    private static func element(_ group: UInt16, _ element: UInt16, _ vr: String, _ value: [UInt8], explicit: Bool) -> [UInt8] {
        var bytes = le(group) + le(element)
        if explicit {
            bytes += Array(vr.utf8)
            if ["OB", "OW", "SQ", "UN", "UT", "UC", "UR", "OD", "OF", "OL"].contains(vr) {
                bytes += [0, 0] + le32(UInt32(value.count))
            } else {
                bytes += le(UInt16(value.count))
            }
        } else {
            bytes += le32(UInt32(value.count))
        }
        return bytes + value
    }

    private static func le(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
