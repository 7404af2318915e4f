// DICOM images (a 128-byte preamble, `DICM`, then tagged data elements) read
// as their header's labelled fields — `Patient's Name: DOE^JANE`, `Patient ID:
// 00142816`, `Patient's Birth Date: 19620314` — so the labels give detection
// its context. Text-valued elements (VRs AE AS CS DA DS DT IS LO LT PN SH ST TM
// UC UI UT) are written, those of the patient, study and institution modules
// under their dictionary names and any other as `(gggg,eeee)`; sequences are
// walked into; an encapsulated document (a PDF report) is read as its text;
// reading stops at the pixel data, so a 500 MB study costs what its header does. Explicit and implicit VR little endian are read (the
// transfer syntaxes of nearly every file); big endian is reported as an error.
//
// Hand-written rather than a library: the header is a flat tag-length-value
// walk, and DCMTK (Debian's DICOM library) is a large C++ toolkit Swift cannot
// call without a C++ shim.

/// The header fields of a DICOM file as text.
final class DICOMTextSource: ByteSource {
    private let source: any ByteSource
    private var input: [UInt8]
    private var position = 0
    private var ended = false
    private var explicitVR = true
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var done = false
    private var headerBytes = 0
    /// Why reading stopped early, thrown once the elements read before it are handed on.
    private var failure: ReadFailure?
    /// Why an encapsulated document was not wholly read: the file's error after its whole header.
    private var documentFailure: ReadFailure?

    /// A header larger than this is not a header: reading stops with an error.
    static let headerLimit = 64 << 20

    init(_ source: any ByteSource, prefix: UnsafeRawBufferPointer) {
        self.source = source
        input = Array(prefix)
    }

    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        prefix.count >= 132 && prefix[128] == 0x44 && prefix[129] == 0x49 && prefix[130] == 0x43 && prefix[131] == 0x4D
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        while output.count - outputOffset < buffer.count && !done {
            do {
                try readElement()
            } catch {
                // The elements before a bad one are handed on first; the failure follows them.
                failure = error
                done = true
            }
        }
        if output.count == outputOffset, let failure = failure ?? (done ? documentFailure : nil) {
            self.failure = nil
            documentFailure = nil
            throw failure
        }
        let count = min(buffer.count, output.count - outputOffset)
        output.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + outputOffset, byteCount: count) }
        outputOffset += count
        if outputOffset == output.count {
            output.removeAll(keepingCapacity: true)
            outputOffset = 0
        }
        return count
    }

    /// Makes `count` bytes available at `position`; false at the end of the stream.
    private func need(_ count: Int) throws(ReadFailure) -> Bool {
        if position > 1 << 20 {
            input.removeFirst(position)
            position = 0
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { chunk.deallocate() }
        while input.count - position < count && !ended {
            let read = try source.read(into: chunk)
            if read == 0 { ended = true } else { input.append(contentsOf: chunk[..<read]) }
        }
        return input.count - position >= count
    }

    private func u16(_ at: Int) -> Int { Int(input[at]) | Int(input[at + 1]) << 8 }
    private func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

    private static let textVRs: Set<String> = [
        "AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UT",
    ]
    /// VRs whose explicit length field is 4 bytes (after 2 reserved bytes).
    private static let longVRs: Set<String> = ["OB", "OD", "OF", "OL", "OW", "SQ", "UC", "UN", "UR", "UT", "OV", "SV", "UV"]

    private func readElement() throws(ReadFailure) {
        if position == 0 && headerBytes == 0 {
            position = 132  // preamble and magic
            headerBytes = 132
        }
        guard try need(8) else {
            done = true
            return
        }
        let group = u16(position), element = u16(position + 2)
        // Items and delimiters of sequences: walked through, their contents read as elements.
        if group == 0xFFFE {
            position += 8
            headerBytes += 8
            return
        }
        if group == 0x7FE0 && element == 0x0010 {  // pixel data: the header is over
            done = true
            return
        }
        var vr: String?
        var length: Int
        var headerLength = 8
        if explicitVR || group == 0x0002 {
            let candidate = String(decoding: input[(position + 4)..<(position + 6)], as: UTF8.self)
            vr = candidate
            if Self.longVRs.contains(candidate) {
                guard try need(12) else { done = true; return }
                length = u32(position + 8)
                headerLength = 12
            } else {
                length = u16(position + 6)
            }
        } else {
            length = u32(position + 4)
            vr = Self.dictionary[Self.key(group, element)]?.vr
        }
        position += headerLength
        headerBytes += headerLength
        if vr == "SQ" || length == 0xFFFF_FFFF { return }  // walk into the sequence
        if group == 0x0042 && element == 0x0011 && length <= Self.documentLimit {
            try readEncapsulatedDocument(length)
            return
        }
        guard let vr, Self.textVRs.contains(vr) else {
            // Binary elements (an overlay, a private blob) are skipped whatever their length, and do
            // not count against the header's size.
            try skip(length)
            return
        }
        headerBytes += length
        guard headerBytes <= Self.headerLimit else {
            throw ReadFailure(reason: "a DICOM header over \(Self.headerLimit >> 20) MiB of text; the rest not read")
        }
        guard try need(length) else {
            throw ReadFailure(reason: "DICOM element (\(Self.hex(group)),\(Self.hex(element))) cut off at the end of the file")
        }
        var value = Array(input[position..<(position + length)])
        position += length
        while let last = value.last, last == 0x20 || last == 0 { value.removeLast() }
        if group == 0x0002 && element == 0x0010 {
            let syntax = String(decoding: value, as: UTF8.self)
            if syntax == "1.2.840.10008.1.2.2" { throw ReadFailure(reason: "DICOM in explicit VR big endian is not read") }
            explicitVR = syntax != "1.2.840.10008.1.2"
        }
        guard !value.isEmpty else { return }
        let name = Self.dictionary[Self.key(group, element)]?.name ?? "(\(Self.hex(group)),\(Self.hex(element)))"
        output.append(contentsOf: name.utf8)
        output.append(contentsOf: ": ".utf8)
        output.append(contentsOf: value.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
        output.append(0x0A)
    }

    /// The largest encapsulated document read (a scanned report or a CDA is a few MiB).
    static let documentLimit = 64 << 20

    /// An Encapsulated Document (0042,0011: a PDF report, a CDA, an STL) written under its label: a
    /// PDF's text as poppler renders it (or its raw bytes carved, when broken), anything else carved.
    /// Its failure is the file's error once the rest of the header is read.
    private func readEncapsulatedDocument(_ length: Int) throws(ReadFailure) {
        guard try need(length) else {
            try skip(length)  // cut off: ends the header with its reason
            return
        }
        let bytes = Array(input[position..<(position + length)])
        position += length
        let document: any ByteSource = bytes.withUnsafeBytes { PDFTextSource.sniff($0) }
            ? PDFTextSource(MemorySource(bytes), prefix: UnsafeRawBufferPointer(start: nil, count: 0), file: nil)
            : CarvingSource(MemorySource(bytes), prefix: UnsafeRawBufferPointer(start: nil, count: 0))
        output.append(contentsOf: "Encapsulated Document:\n".utf8)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { chunk.deallocate() }
        do {
            while true {
                let count = try document.read(into: chunk)
                if count == 0 { break }
                output.append(contentsOf: chunk[..<count])
                guard output.count <= Self.headerLimit else { break }
            }
        } catch {
            documentFailure = ReadFailure(reason: "its encapsulated document: \(error.reason)")
        }
        output.append(0x0A)
    }

    private func skip(_ length: Int) throws(ReadFailure) {
        var left = length
        while left > 0 {
            let available = min(left, input.count - position)
            position += available
            left -= available
            if left > 0, try !need(min(left, 1 << 20)) {
                // Only what is there can be skipped: an element that runs past the end (cut off, or a
                // bogus length) ends the header, after everything before it.
                position = input.count
                throw ReadFailure(reason: "a DICOM element runs past the end of the file (cut off, or a wrong length); the elements before it were read")
            }
        }
    }

    private static func key(_ group: Int, _ element: Int) -> Int { group << 16 | element }
    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The elements that identify a patient, a study or an institution, by their DICOM names.
    private static let dictionary: [Int: (name: String, vr: String)] = [
        0x0002_0010: ("Transfer Syntax UID", "UI"),
        0x0008_0020: ("Study Date", "DA"), 0x0008_0050: ("Accession Number", "SH"),
        0x0008_0080: ("Institution Name", "LO"), 0x0008_0081: ("Institution Address", "ST"),
        0x0008_0090: ("Referring Physician's Name", "PN"), 0x0008_1030: ("Study Description", "LO"),
        0x0008_1050: ("Performing Physician's Name", "PN"), 0x0008_1060: ("Name of Physician(s) Reading Study", "PN"),
        0x0010_0010: ("Patient's Name", "PN"), 0x0010_0020: ("Patient ID", "LO"),
        0x0010_0021: ("Issuer of Patient ID", "LO"), 0x0010_0030: ("Patient's Birth Date", "DA"),
        0x0010_0040: ("Patient's Sex", "CS"), 0x0010_1000: ("Other Patient IDs", "LO"),
        0x0010_1001: ("Other Patient Names", "PN"), 0x0010_1010: ("Patient's Age", "AS"),
        0x0010_1040: ("Patient's Address", "LO"), 0x0010_1060: ("Patient's Mother's Birth Name", "PN"),
        0x0010_2154: ("Patient's Telephone Numbers", "SH"), 0x0010_2160: ("Ethnic Group", "SH"),
        0x0010_4000: ("Patient Comments", "LT"), 0x0020_0010: ("Study ID", "SH"),
        0x0032_1032: ("Requesting Physician", "PN"), 0x0038_0010: ("Admission ID", "LO"),
        0x0040_A124: ("UID", "UI"),
    ]
}
