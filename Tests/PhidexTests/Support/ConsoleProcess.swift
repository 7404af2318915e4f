// A `phidex serve` process for the console's tests: started on a free port (`--port 0`),
// its address read from what it prints, stopped with SIGTERM. Requests go over a plain
// socket (HTTP/1.1, one per connection), so tests control every header: cookies, Origin,
// Sec-Fetch-Site, Authorization.

import Foundation
import Testing

/// A running console.
final class ConsoleProcess {
    let process = Process()
    let port: Int
    private let errors: Pipe
    private let collected = LockedText()

    /// Starts `phidex serve arguments… --port 0` and waits until it listens (or exits).
    init(_ arguments: [String]) throws {
        process.executableURL = PhidexBinary.url
        process.arguments = ["serve", "--port", "0"] + arguments
        errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let handle = errors.fileHandleForReading
        let collected = collected
        var found: Int?
        let deadline = Date().addingTimeInterval(60)
        while found == nil && Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }  // exited
            collected.append(String(decoding: data, as: UTF8.self))
            if let range = collected.text.range(of: #"phidex serve: https?://[^ ]+:(\d+)/"#, options: .regularExpression) {
                let line = collected.text[range]
                found = Int(line.split(separator: ":").last!.dropLast())
            }
        }
        guard let found else {
            process.waitUntilExit()
            throw ConsoleStartFailure(stderr: collected.text)
        }
        port = found
        // Keep draining the log, so the server never blocks on a full pipe.
        handle.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { collected.append(String(decoding: data, as: UTF8.self)) }
        }
    }

    /// What the server has logged so far.
    var log: String { collected.text }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        errors.fileHandleForReading.readabilityHandler = nil
    }

    deinit { stop() }

    var base: String { "http://127.0.0.1:\(port)" }

    /// One request; the whole reply.
    func request(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws -> HTTPReply {
        try HTTPReply.fetch(port: port, method: method, path: path, headers: headers, body: body)
    }

    /// A new browser session on the lookup page: its cookie header and the form's CSRF token.
    func lookupSession() throws -> (headers: [(String, String)], csrf: String) {
        let form = try request("GET", "/lookup")
        let cookie = try #require(form.sessionCookie)
        return ([("Cookie", "phidex_session=\(cookie)")], try #require(form.csrf))
    }

    /// A POST of a urlencoded form.
    func post(_ path: String, form: [(String, String)], headers: [(String, String)] = []) throws -> HTTPReply {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return try request(
            "POST", path, headers: headers + [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    /// A POST of a multipart form (fields, and files as name → (filename, content)).
    func postMultipart(_ path: String, fields: [(String, String)], files: [(String, String, String)] = [], headers: [(String, String)] = []) throws -> HTTPReply {
        let boundary = "----phidex-test-\(UInt32.random(in: 0...UInt32.max))"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for (name, filename, content) in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n\(content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try request(
            "POST", path, headers: headers + [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: Array(body.utf8))
    }
}

struct ConsoleStartFailure: Error, CustomStringConvertible {
    var stderr: String
    var description: String { "phidex serve did not start: \(stderr)" }
}

/// Text appended from a pipe's handler thread and read from the test's.
final class LockedText: @unchecked Sendable {
    private var value = ""
    private let lock = NSLock()
    func append(_ text: String) { lock.lock(); value += text; lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return value }
}

/// An HTTP/1.1 reply.
struct HTTPReply {
    var status: Int
    /// Header names in lower case, in order.
    var headers: [(String, String)]
    var body: String

    func header(_ name: String) -> String? { headers.first { $0.0 == name.lowercased() }?.1 }
    func headers(_ name: String) -> [String] { headers.filter { $0.0 == name.lowercased() }.map(\.1) }

    /// The value of the session cookie this reply sets, if any.
    var sessionCookie: String? {
        for value in headers("set-cookie") where value.hasPrefix("phidex_session=") {
            return String(value.dropFirst("phidex_session=".count).prefix { $0 != ";" })
        }
        return nil
    }

    /// The CSRF token in the page's first form.
    var csrf: String? {
        guard let range = body.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else { return nil }
        return String(body[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    static func fetch(port: Int, method: String, path: String, headers: [(String, String)], body: [UInt8]) throws -> HTTPReply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw POSIXError(.EPIPE) }
            sent += n
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            reply += buffer[0..<n]
        }
        let text = String(decoding: reply, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let fields = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var content = String(text[split.upperBound...])
        if fields.contains(where: { $0.0 == "transfer-encoding" && $0.1.lowercased() == "chunked" }) { content = dechunk(content) }
        return HTTPReply(status: status, headers: fields, body: content)
    }

    private static func dechunk(_ text: String) -> String {
        var bytes = Array(text.utf8)[...]
        var out: [UInt8] = []
        while let end = bytes.firstIndex(of: 0x0D), let size = Int(String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self), radix: 16), size > 0 {
            let start = end + 2
            out += bytes[start..<min(bytes.endIndex, start + size)]
            bytes = bytes[min(bytes.endIndex, start + size + 2)...]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
