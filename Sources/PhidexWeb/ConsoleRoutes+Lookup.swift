// The lookup page and the exports: the two routes that hand out identifier-bearing answers
// (masked hits, reports), so the two that are rate-limited, audited or capped.

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PhidexCore
import PhidexDetect
import PhidexIndex
import PhidexReport

extension ConsoleRoutes {
    // MARK: Lookup

    func lookupForm(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let run = try await selectedRun(request)
        return page("Lookup", .lookup, context, run: run.id, LookupPage.body(types: Self.lookupTypes, csrf: csrf(context), run: run.id, result: nil, message: nil))
    }

    func lookup(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let form = try await postedForm(request, context)
        let run = try await selectedRun(form["run"].flatMap { Int64($0) })
        let render = { (status: HTTPResponse.Status, result: LookupPage.Result?, message: String?) in
            var response = page("Lookup", .lookup, context, run: run.id, LookupPage.body(types: Self.lookupTypes, csrf: csrf(context), run: run.id, result: result, message: message))
            response.status = status
            return response
        }
        guard let typeName = form["type"], let type = Self.lookupTypes.first(where: { $0.rawValue == typeName }) else {
            return render(.badRequest, nil, "Choose an identifier type.")
        }
        let single = (form["value"] ?? "").trimmingCharacters(in: .whitespaces)
        let pasted = form["list"] ?? "", uploaded = form["file"] ?? ""
        let listText = uploaded.isEmpty ? pasted : uploaded
        let column = (form["column"] ?? "").trimmingCharacters(in: .whitespaces)
        let isList = single.isEmpty
        let keyer: ValueKeyer
        do { keyer = try await index.read { try $0.requireKeyer() } } catch let error as IndexError {
            return render(.serviceUnavailable, nil, "Values cannot be looked up: \(error.message)")
        }
        var filter = FindingFilter()
        var list: ValueList?
        var entry = AuditLog.Entry(user: context.user, remote: context.peer, kind: isList ? "list" : "value", type: type.rawValue, values: 0, hits: 0, files: 0, outcome: "ok")
        if isList {
            guard !listText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return render(.badRequest, nil, "Give a value, a list or a CSV file.") }
            do {
                let parsed = try ValueList(text: listText, column: column.isEmpty ? nil : column, type: type, keyer: keyer)
                list = parsed
                filter.valueKeys = Array(parsed.labels.keys)
                entry.values = parsed.listed
            } catch {
                entry.outcome = "refused:list"
                try audit.record(entry)
                return render(.badRequest, nil, error.message)
            }
        } else {
            entry.values = 1
            guard let key = ValueList.key(of: single, as: type, keyer: keyer) else {
                entry.outcome = "refused:invalid"
                try audit.record(entry)
                return render(.badRequest, nil, "That is not a valid \(type.rawValue).")
            }
            filter.valueKey = key
        }
        if let wait = lookups.spend(user: context.user, values: entry.values) {
            entry.outcome = "refused:rate"
            try audit.record(entry)
            var response = render(
                .tooManyRequests, nil,
                wait == 0
                    ? "A list of \(entry.values) values is more than the \(settings.lookupValuesPerHour) an hour this console allows; split it, or use phidex query --values-from."
                    : "Too many lookups: try again in \(wait) seconds.")
            if wait > 0 { response.headers[.retryAfter] = String(wait) }
            return response
        }
        let limit = LookupPage.shownHits
        let wanted = filter
        let outcome = try await index.read { reader in
            var hits: [FindingRecord] = []
            var total = 0
            var files: Set<String> = []
            var keys: Set<Int64> = []
            if wanted.valueKey != nil || !wanted.valueKeys.isEmpty {
                try reader.findings(run: run.id, filter: wanted) { record in
                    total += 1
                    files.insert(record.path)
                    keys.insert(record.finding.valueKey)
                    if hits.count < limit { hits.append(record) }
                }
            }
            var ids: [String: Int64] = [:]
            for hit in hits { ids[hit.path] = hit.fileID }
            return (hits, total, files.count, keys.count, ids)
        }
        entry.hits = outcome.1
        entry.files = outcome.2
        try audit.record(entry)
        let result = LookupPage.Result(
            kind: entry.kind, type: type, listed: list?.labels.values.reduce(0) { $0 + $1.split(separator: ",").count } ?? 1,
            matchedValues: outcome.3, unreadableLines: list?.unreadableLines ?? [], hits: outcome.0, totalHits: outcome.1, files: outcome.2,
            labels: list?.labels ?? [:], fileIDs: outcome.4)
        return render(.ok, result, nil)
    }

    // MARK: Exports

    func export(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let run = try await selectedRun(request)
        guard let format = context.parameters.get("format"), Exports.formats.contains(where: { $0.format == format }) else {
            throw HTTPError(.notFound, message: "No such export.")
        }
        let under = request.uri.queryParameters.get("under")
        if format == "html" && under != nil { throw HTTPError(.badRequest, message: "The HTML report covers a whole run.") }
        var scope = FindingFilter()
        scope.under = under
        let filter = scope
        let text: String? = try await index.read { reader in
            var findings = 0
            if under == nil {
                findings = run.totals.findings
            } else {
                var sized = filter
                sized.limit = Self.exportLimit + 1
                try reader.findings(run: run.id, filter: sized) { _ in findings += 1 }
            }
            guard findings <= Self.exportLimit else { return nil }
            var out = ""
            let emit = { (line: String) in out += line + "\n" }
            switch format {
            case "csv": try CSVReport.write(from: reader, run: run, filter: filter, to: emit)
            case "jsonl": try JSONLinesReport.write(from: reader, run: run, filter: filter, to: emit)
            case "sarif":
                let rules = RuleCatalogue.builtIn.rules.map { ($0.id.rawValue, $0.name, $0.description) }
                try SARIFReport.write(from: reader, run: run, rules: rules, filter: filter, to: emit)
            default: try HTMLReport(topFiles: 25).write(from: reader, run: run, to: emit)
            }
            return out
        }
        guard let text else {
            throw HTTPError(.contentTooLarge, message: "More than \(Self.exportLimit) findings: export them with phidex report --format \(format) on the index host.")
        }
        var headers = HTTPFields()
        let types = ["csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "sarif": "application/sarif+json", "html": "text/html; charset=utf-8"]
        headers[.contentType] = types[format]
        let suffix = ["csv": "csv", "jsonl": "jsonl", "sarif": "sarif.json", "html": "html"][format] ?? format
        headers[.contentDisposition] = "attachment; filename=\"phidex-run\(run.id)\(under == nil ? "" : "-part").\(suffix)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
