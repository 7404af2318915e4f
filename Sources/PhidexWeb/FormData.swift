// The fields of a posted form: application/x-www-form-urlencoded, or multipart/form-data
// (RFC 7578) for the lookup's CSV upload. Sizes are capped before parsing; field values
// are held only as long as the request is handled.

import Foundation

/// A posted form's fields by name (a file field's content as its value).
struct FormData: Sendable {
    private(set) var fields: [String: String] = [:]

    subscript(name: String) -> String? { fields[name] }

    /// Parses `body` as the `contentType` says; nil when it is neither form encoding or is malformed.
    init?(contentType: String?, body: [UInt8]) {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("application/x-www-form-urlencoded") {
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let name = Self.decode(parts[0]) else { return nil }
                fields[name] = parts.count > 1 ? (Self.decode(parts[1]) ?? "") : ""
            }
        } else if type.hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(contentType ?? "") else { return nil }
            guard let parsed = Self.multipart(body, boundary: boundary) else { return nil }
            fields = parsed
        } else {
            return nil
        }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    private static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "boundary" {
                let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// The parts between `--boundary` delimiters: each a header block, a blank line, content.
    private static func multipart(_ body: [UInt8], boundary: String) -> [String: String]? {
        let delimiter = Array(("--" + boundary).utf8)
        var fields: [String: String] = [:]
        guard var position = find(delimiter, in: body, from: 0) else { return nil }
        position += delimiter.count
        while position + 2 <= body.count {
            if body[position] == 0x2D && body[position + 1] == 0x2D { return fields }  // "--": the last delimiter
            guard body[position] == 0x0D, body[position + 1] == 0x0A else { return nil }
            position += 2
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position) else { return nil }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find([0x0D, 0x0A] + delimiter, in: body, from: contentStart) else { return nil }
            if let name = fieldName(headers) {
                fields[name] = String(decoding: body[contentStart..<next], as: UTF8.self)
            }
            position = next + 2 + delimiter.count
        }
        return nil
    }

    private static func fieldName(_ headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for parameter in line.split(separator: ";").dropFirst() {
                let parts = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == "name" {
                    return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
