// Damaged and hostile input, built by the test: what is still readable in a
// damaged file is found, the part that failed is never `ok`, and no reason
// quotes the file's content. Values are synthetic.

import Foundation
import PhidexCore
import PhidexCorpus
import Testing

@Suite struct HostileTests {
    /// Rewrites member `part` of the OOXML file `source` into `target` with `edit` applied (python3's
    /// zipfile keeps the members' order, so `[Content_Types].xml` stays first).
    func damage(_ source: String, _ part: String, into target: String, in tree: TestTree, edit: String) throws {
        try shell("""
            python3 - '\(source)' '\(target)' '\(part)' <<'PY'
            import sys, zipfile
            source, target, part = sys.argv[1:4]
            with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename == part:
                        \(edit)
                    zout.writestr(item, data)
            PY
            """, in: tree.root)
    }

    @Test func aBadByteInSharedStringsKeepsEveryStringAndSaysSo() async throws {
        let tree = try TestTree("hostile-xlsx")
        let workbook = corpusShare + "/office/billing/claims-0001.xlsx"
        try tree.directory("good")
        try tree.directory("bad")
        try FileManager.default.copyItem(atPath: workbook, toPath: tree.path("good/claims.xlsx"))
        // A vertical tab (not allowed in XML 1.0) and an undefined entity whose name looks like a value.
        try damage(workbook, "xl/sharedStrings.xml", into: tree.path("bad/claims.xlsx"), in: tree,
            edit: "i = data.index(b'</si>', 200) + 5; data = data[:i] + b'\\\\x0b&ssn-401-23-7788;' + data[i:]")
        let (found, files) = try await scanTree(tree)
        let sheet = "!xl/worksheets/sheet1.xml"
        #expect(found[tree.path("bad/claims.xlsx") + sheet]?.sorted() == found[tree.path("good/claims.xlsx") + sheet]?.sorted())
        #expect(try #require(found[tree.path("good/claims.xlsx") + sheet]).count > 50)
        let strings = try #require(files[tree.path("bad/claims.xlsx") + "!xl/sharedStrings.xml"])
        #expect(strings.status == .error, "a part that failed is never ok")
        #expect(files[tree.path("bad/claims.xlsx")]?.status == .error)
        for record in files.values {
            #expect(record.reason?.contains("401-23") != true && record.reason?.contains("ssn-") != true, "a reason quotes content")
        }
    }

    @Test func aBadCharacterInAWordDocumentLosesNothingAfterIt() async throws {
        let tree = try TestTree("hostile-docx")
        let letter = corpusShare + "/office/letters/referral-0001.docx"
        try tree.directory("good")
        try tree.directory("bad")
        try FileManager.default.copyItem(atPath: letter, toPath: tree.path("good/referral.docx"))
        try damage(letter, "word/document.xml", into: tree.path("bad/referral.docx"), in: tree,
            edit: "i = data.index(b'</w:t>'); data = data[:i] + b' &ssn-401-23-7788;\\\\x0b' + data[i:]")
        let (found, files) = try await scanTree(tree)
        let body = "!word/document.xml"
        #expect(found[tree.path("bad/referral.docx") + body]?.sorted() == found[tree.path("good/referral.docx") + body]?.sorted())
        #expect(try #require(found[tree.path("good/referral.docx") + body]).count >= 3)
        let part = try #require(files[tree.path("bad/referral.docx") + body])
        #expect(part.status == .error)
        #expect(part.reason?.contains("not well-formed XML") == true)
        #expect(part.reason?.contains("401-23") != true && part.reason?.contains("ssn-") != true, "\(part.reason ?? "")")
    }

    @Test func anIndexOnReadOnlyMediaCanBeAudited() throws {
        // A copy of an index without its -wal and -shm, on media nobody may write (root writes
        // anywhere, so the reader runs as nobody).
        let tree = try TestTree("hostile-readonly")
        try tree.file("share/note.txt", "Patient: Avery Quill  DOB: 03/14/1962\nSSN: 401-23-7788\n")
        let index = tree.path("index.phidex")
        #expect(try PhidexBinary.run(["scan", tree.path("share"), "--index", index, "--quiet"]).status == 0)
        try tree.directory("media")
        try FileManager.default.copyItem(atPath: index, toPath: tree.path("media/index.phidex"))
        chmod(tree.path("media/index.phidex"), 0o444)
        chmod(tree.path("media"), 0o555)
        let asNobody = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let report = try PhidexBinary.run(["report", "--index", tree.path("media/index.phidex")], prefix: asNobody)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("findings"))
        let query = try PhidexBinary.run(["query", "--type", "ssn", "--index", tree.path("media/index.phidex")], prefix: asNobody)
        #expect(query.status == 0, "\(query.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tree.path("media/index.phidex-shm")), "nothing written beside it")
    }

    @Test func twoScansCreatingOneNewIndexBothSucceed() throws {
        let tree = try TestTree("hostile-race")
        try tree.file("share/note.txt", "SSN: 401-23-7788\n")
        for attempt in 1...3 {
            let index = tree.path("index-\(attempt).phidex")
            let scans = (1...2).map { _ in
                let scan = Process()
                scan.executableURL = PhidexBinary.url
                scan.arguments = ["scan", tree.path("share"), "--index", index, "--quiet"]
                scan.standardOutput = FileHandle.nullDevice
                scan.standardError = FileHandle.nullDevice
                return scan
            }
            for scan in scans { try scan.run() }
            for scan in scans { scan.waitUntilExit() }
            #expect(scans.allSatisfy { $0.terminationStatus == 0 }, "attempt \(attempt): \(scans.map(\.terminationStatus))")
        }
    }

    @Test func namesKeepTheirBytesApartAndNeverReachATerminalRaw() async throws {
        let tree = try TestTree("hostile-names")
        // Two Latin-1 names that differ in one byte (not UTF-8), and a name with a newline and an ESC sequence.
        for name in [[0x63, 0x61, 0x66, 0xE9], [0x63, 0x61, 0x66, 0xE8], Array("evil\n\u{1B}[31mred".utf8)] as [[UInt8]] {
            var path = Array(tree.root.utf8) + [0x2F] + name + Array(".txt".utf8)
            path.append(0)
            let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
            try #require(fd >= 0)
            let text = Array("SSN: 401-23-7788\n".utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let (found, files) = try await scanTree(tree)
        #expect(files[tree.path("caf\\xE9.txt")] != nil && files[tree.path("caf\\xE8.txt")] != nil, "\(files.keys.sorted())")
        #expect(found[tree.path("caf\\xE9.txt")] != nil && found[tree.path("caf\\xE8.txt")] != nil)
        #expect(files[tree.path("evil\\x0A\\x1B[31mred.txt")] != nil, "\(files.keys.sorted())")
        let index = tree.root + ".db"
        let report = try PhidexBinary.run(["query", "--type", "ssn", "--index", index])
        #expect(!report.stdout.contains("\u{1B}") && !report.stdout.contains("evil\n"), "a raw control character in text output")
    }

    @Test func aMemberCutShortKeepsWhatWasDecodedBeforeTheCut() async throws {
        // 200 KB of text with an SSN a quarter in, compressed, then cut in half.
        let tree = try TestTree("hostile-cut")
        try shell("""
            python3 - <<'PY'
            import bz2, gzip, io, lzma, random, tarfile, zipfile
            random.seed(1)
            words = ["alpha", "beta", "gamma", "delta", "lorem", "ipsum", "clinic", "visit"]
            lines = [" ".join(random.choice(words) for _ in range(12)) + "\\n" for _ in range(2800)]
            text = "".join(lines)
            quarter = len(text) // 4
            data = (text[:quarter] + "\\nSSN: 401-23-7788\\n" + text[quarter:]).encode()
            packed = gzip.compress(data)
            open("note.txt.gz", "wb").write(packed[: len(packed) // 2])
            packed = lzma.compress(data)
            open("note.txt.xz", "wb").write(packed[: len(packed) // 2])
            # bzip2 decodes whole blocks: with 100 kB blocks, the first (holding the SSN) is whole.
            packed = bz2.compress(data, compresslevel=1)
            open("note.txt.bz2", "wb").write(packed[: int(len(packed) * 0.7)])
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("note.txt", data)
            open("notes.zip", "wb").write(buffer.getvalue()[: len(buffer.getvalue()) // 2])
            PY
            """, in: tree.root)
        let (found, files) = try await scanTree(tree)
        for member in ["note.txt.gz!note.txt", "note.txt.xz!note.txt", "note.txt.bz2!note.txt", "notes.zip!note.txt"] {
            #expect(found[tree.path(member)] == ["ssn ***-**-7788"], "\(member): \(found[tree.path(member)] ?? [])")
            #expect(files[tree.path(member)]?.status == .error, "\(member) is never ok")
        }
        #expect(files[tree.path("note.txt.gz")]?.reason?.contains("cut short") == true)
    }

    @Test func aDICOMHeaderKeepsItsPatientFieldsBeforeABadElementAndBeforeAnEmbeddedPDF() async throws {
        let tree = try TestTree("hostile-dicom")
        var dicom = DICOMWriter(explicitVR: true)
        dicom.add(0x0010, 0x0010, "PN", "QUILL^AVERY")
        dicom.add(0x0010, 0x0020, "LO", "00142816")
        dicom.add(0x0010, 0x0030, "DA", "19620314")
        // Without its pixel data (76 bytes in explicit VR), then an encapsulated document (0042,0011)
        // whose length says 0xFFFFFFFE, holding the start of a PDF.
        var bytes = Array(dicom.bytes().dropLast(76))
        bytes += [0x42, 0x00, 0x11, 0x00] + Array("OB".utf8) + [0, 0, 0xFE, 0xFF, 0xFF, 0xFF]
        bytes += Array("%PDF-1.4\n1 0 obj << >> endobj\n".utf8)
        try tree.bytes("study.dcm", bytes)
        try tree.bytes("intact.dcm", dicom.bytes())
        let (found, files) = try await scanTree(tree)
        let fields = found[tree.path("study.dcm")]?.sorted() ?? []
        #expect(fields == found[tree.path("intact.dcm")]?.sorted(), "\(fields)")
        #expect(fields.count >= 2)
        let record = try #require(files[tree.path("study.dcm")])
        #expect(record.status == .error, "a part that failed is never ok")
        #expect(record.reason?.contains("DICOM") == true, "read as DICOM, not as a PDF: \(record.reason ?? "")")
    }

    @Test func aBrokenPDFWhoseTextIsInClearIsCarved() async throws {
        let tree = try TestTree("hostile-pdf")
        try shell("""
            python3 - <<'PY'
            content = b"BT /F1 12 Tf 72 720 Td (Patient SSN: 401-23-7788) Tj ET"
            objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d >>\\nstream\\n" % len(content) + content + b"\\nendstream",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
            out = b"%PDF-1.4\\n"
            offsets = []
            for number, body in enumerate(objects, 1):
                offsets.append(len(out))
                out += b"%d 0 obj\\n" % number + body + b"\\nendobj\\n"
            xref = len(out)
            out += b"xref\\n0 %d\\n0000000000 65535 f \\n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \\n" % o for o in offsets)
            out += b"trailer << /Size %d /Root 1 0 R >>\\nstartxref\\n%d\\n%%%%EOF\\n" % (len(objects) + 1, xref)
            open("good.pdf", "wb").write(out)
            open("cut.pdf", "wb").write(out[: out.index(b"endstream") + 3])
            open("bad-root.pdf", "wb").write(out.replace(b"/Root 1 0 R", b"/Root 9 0 R"))
            PY
            """, in: tree.root)
        let (found, files) = try await scanTree(tree)
        #expect(found[tree.path("good.pdf")] == ["ssn ***-**-7788"])
        for name in ["cut.pdf", "bad-root.pdf"] {
            #expect(found[tree.path(name)] == ["ssn ***-**-7788"], "\(name)")
            #expect(files[tree.path(name)]?.status == .error, "\(name) is never ok")
            #expect(files[tree.path(name)]?.reason?.contains("carved") == true)
        }
    }

    @Test func aSQLiteTableWithADamagedPageKeepsTheRowsAroundIt() async throws {
        let tree = try TestTree("hostile-sqlite")
        // 3,000 rows over many 1 KiB pages; one leaf page in the middle overwritten with garbage.
        try shell("""
            python3 - <<'PY'
            import sqlite3
            db = sqlite3.connect("clinic.db")
            db.execute("PRAGMA page_size = 1024")
            db.execute("CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT, ssn TEXT, note TEXT)")
            for i in range(3000):
                db.execute("INSERT INTO patients VALUES (?, ?, ?, ?)", (i, "Person %d" % i, "401-23-%04d" % (1000 + i), "routine visit " * 3))
            db.commit()
            db.close()
            data = bytearray(open("clinic.db", "rb").read())
            pages = len(data) // 1024
            page = pages // 2
            data[page * 1024:(page + 1) * 1024] = b"\\xde\\xad" * 512
            open("damaged.db", "wb").write(bytes(data))
            PY
            """, in: tree.root)
        let (found, files) = try await scanTree(tree)
        let intact = found[tree.path("clinic.db!patients")]?.filter { $0.hasPrefix("ssn") }.count ?? 0
        let damaged = found[tree.path("damaged.db!patients")]?.filter { $0.hasPrefix("ssn") }.count ?? 0
        #expect(intact == 3000)
        // One 1 KiB page holds about 12 rows: all but those are found, before and after the damage.
        #expect(damaged >= 2950 && damaged < 3000, "\(damaged) of 3000")
        let table = try #require(files[tree.path("damaged.db!patients")])
        #expect(table.status == .error, "a part that failed is never ok")
        #expect(table.reason?.contains("damaged page") == true, "\(table.reason ?? "")")
        #expect(table.reason?.contains("401-23") != true)
    }

    @Test func aFullDiskSaysSo() throws {
        // A 512 KiB file system for the index (mounting needs root; elsewhere there is nothing to run).
        let tree = try TestTree("hostile-full")
        try tree.directory("small")
        guard (try? shell("mount -t tmpfs -o size=512k tmpfs small 2>/dev/null && echo mounted", in: tree.root))?.contains("mounted") == true else {
            print("aFullDiskSaysSo: no tmpfs could be mounted here (it needs root); not checked")
            return
        }
        defer { _ = try? shell("umount small", in: tree.root) }
        let scan = try PhidexBinary.run(["scan", corpusShare, "--index", tree.path("small/index.phidex"), "--quiet"])
        #expect(scan.status == 2)
        #expect(scan.stderr.contains("the disk is full"), "\(scan.stderr)")
        #expect(!scan.stderr.contains("no transaction is active"))
    }

    /// Inputs that crashed or hung a fuzz target (scripts/fuzz), each named for what it does: every one
    /// is scanned to the end, each file with a status.
    @Test func whatTheFuzzersFoundIsScannedToTheEnd() throws {
        let folder = fixturesFolder + "/fuzz"
        let tree = try TestTree("hostile-fuzz")
        let inputs = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { !$0.hasSuffix("/") && !$0.contains("README") }
            .filter { path in var directory: ObjCBool = false; return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &directory) && !directory.boolValue }
        #expect(!inputs.isEmpty)
        let started = Date()
        let scan = try PhidexBinary.run(["scan", folder, "--index", tree.root + ".phidex", "--quiet"])
        #expect(scan.status == 0 || scan.status == 1, "\(scan.stderr)")
        #expect(Date().timeIntervalSince(started) < 120, "a fuzz find that hung still takes too long")
        let report = try PhidexBinary.run(["report", "--index", tree.root + ".phidex", "--format", "jsonl"])
        for input in inputs {
            #expect(report.stdout.contains(input.split(separator: "/").last.map(String.init) ?? input), "\(input) has a row")
        }
    }

    @Test func identifiersInNamesAreFindingsAndNeverStoredInClear() throws {
        let tree = try TestTree("hostile-names")
        // Two folders named after two people whose SSNs end alike, and a member named after a third.
        _ = try tree.file("hr/401-23-7788/w2.txt", "wages\n")
        _ = try tree.file("hr/402-31-7788/w2.txt", "wages\n")
        try shell("mkdir -p z && printf 'note\\n' > 'z/Quill 403-29-1234.txt' && (cd z && zip -q ../hr/pack.zip 'Quill 403-29-1234.txt') && rm -r z", in: tree.root)
        let index = tree.root + ".phidex"
        #expect(try PhidexBinary.run(["scan", tree.path("hr"), "--index", index, "--quiet"]).status == 0)
        let clear = ["401-23-7788", "402-31-7788", "403-29-1234"]
        // Not in any byte of the index, nor of any report.
        for file in [index, index + "-wal", index + "-shm"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for value in clear { #expect(bytes.range(of: Data(value.utf8)) == nil, "\(value) in \(file)") }
        }
        var jsonl = ""
        for format in ["text", "jsonl", "csv", "sarif", "html"] {
            let report = try PhidexBinary.run(["report", "--index", index, "--format", format])
            #expect(report.status == 0)
            for value in clear { #expect(!report.stdout.contains(value), "\(value) in the \(format) report") }
            if format == "jsonl" { jsonl = report.stdout }
        }
        // Found, in the name; the two folders stay two.
        let names = jsonl.split(separator: "\n").filter { $0.contains("\"record\":\"finding\"") && $0.contains("in the file's name") }
        #expect(names.count == 3, "\(names)")
        let folders = Set(jsonl.split(separator: "\n").filter { $0.contains("\"record\":\"file\"") && $0.contains("w2.txt") }.map { String($0) })
        #expect(folders.count == 2 && folders.allSatisfy { $0.contains("***-**-7788~") }, "\(folders)")
        // A re-scan finds the masked paths again: nothing is read twice.
        let again = try PhidexBinary.run(["scan", tree.path("hr"), "--index", index])
        #expect(again.stderr.contains("3 unchanged") || again.stderr.contains("unchanged, not read again"), "\(again.stderr)")
        // Kept in clear only when asked.
        let open = tree.root + "-clear.phidex"
        #expect(try PhidexBinary.run(["scan", tree.path("hr"), "--index", open, "--quiet", "--names-in-clear"]).status == 0)
        #expect(try PhidexBinary.run(["report", "--index", open, "--format", "jsonl"]).stdout.contains("401-23-7788"))
    }

    @Test func aDICOMEncapsulatedPDFIsReadAsItsText() async throws {
        let tree = try TestTree("hostile-dicom-pdf")
        // A DICOM encapsulated PDF (0042,0011) whose report holds a value the header does not.
        var writer = PDFWriter()
        writer.page(["Radiology report", "Patient SSN: 401-23-7788"])
        let pdf = writer.bytes()
        var dicom = DICOMWriter(explicitVR: true)
        dicom.add(0x0010, 0x0010, "PN", "QUILL^AVERY")
        dicom.add(0x0010, 0x0020, "LO", "00142816")
        var bytes = Array(dicom.bytes().dropLast(76))
        let padded = pdf.count % 2 == 0 ? pdf : pdf + [0]
        bytes += [0x42, 0x00, 0x11, 0x00] + Array("OB".utf8) + [0, 0]
        bytes += withUnsafeBytes(of: UInt32(padded.count).littleEndian, Array.init) + padded
        try tree.bytes("report.dcm", bytes)
        let (found, files) = try await scanTree(tree)
        #expect(found[tree.path("report.dcm")]?.contains("ssn ***-**-7788") == true, "\(found[tree.path("report.dcm")] ?? [])")
        #expect(files[tree.path("report.dcm")]?.status == .ok)
    }

    @Test func aZipMemberNoDirectoryEntryPointsAtIsRead() async throws {
        // Two central directory entries pointing at one local header: the other member is orphaned.
        let tree = try TestTree("hostile-zip-directory")
        try shell("""
            python3 - <<'PY'
            import io, struct, zipfile
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("visible.txt", "nothing here\\n")
                z.writestr("hidden.txt", "SSN: 401-23-7788\\n")
            data = bytearray(buffer.getvalue())
            end = data.rfind(b"PK\\x05\\x06")
            at = struct.unpack_from("<I", data, end + 16)[0]
            entries = []
            while data[at:at + 4] == b"PK\\x01\\x02":
                n, m, k = struct.unpack_from("<HHH", data, at + 28)
                entries.append(at)
                at += 46 + n + m + k
            struct.pack_into("<I", data, entries[1] + 42, struct.unpack_from("<I", data, entries[0] + 42)[0])
            open("pack.zip", "wb").write(bytes(data))
            PY
            """, in: tree.root)
        let (found, files) = try await scanTree(tree)
        #expect(found[tree.path("pack.zip!hidden.txt")] == ["ssn ***-**-7788"])
        let zip = try #require(files[tree.path("pack.zip")])
        #expect(zip.status == .error, "a zip its directory does not describe is never ok")
        #expect(zip.reason?.contains("central directory lists 2 entries") == true, "\(zip.reason ?? "")")
    }
}

