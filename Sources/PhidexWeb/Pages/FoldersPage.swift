// The folder tree: one folder's subfolders with their roll-ups (sortable), the files
// directly in it (paginated, riskiest first), and a breadcrumb back to the root.

import PhidexCore
import PhidexIndex
import PhidexReport

enum FoldersPage {
    struct Listing: Sendable {
        var files: [FileRecord]
        var total: Int
        var offset: Int
        var pageSize: Int
    }

    static func body(_ overview: RunOverview, folder: String?, order: FolderTree.Order, listing: Listing?) -> String {
        let run = overview.run
        let runItem: [(String, String?)] = [("run", String(run.id))]
        let tree = overview.tree
        guard let folder, let node = tree.node(folder) else {
            // No folder chosen: the roots.
            var out = "<h1>Folders of run \(run.id)</h1>"
            out += folderTable(tree.roots.compactMap(tree.node), run: run.id, caption: "The run's roots")
            return out
        }
        var out = "<h1>\(HTML.escape(node.path))</h1>"
        out += "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"\(HTML.href("/folders", runItem))\">roots</a> /"
        for step in tree.ancestry(of: folder) {
            if step.path == folder {
                out += " <span aria-current=\"location\">\(HTML.escape(step.name))</span>"
            } else {
                out += " <a href=\"\(HTML.href("/folders", runItem + [("path", step.path)]))\">\(HTML.escape(step.name))</a> /"
            }
        }
        out += "</nav>"
        out += "<dl class=\"facts\"><dt>Highest risk</dt><dd>\(node.highestRisk) \(HTML.tier(node.highestTier))</dd>"
            + "<dt>People exposed below</dt><dd>\(HTML.number(node.individuals))</dd>"
            + "<dt>Files with findings</dt><dd>\(HTML.number(node.filesWithFindings)) of \(HTML.number(node.files))</dd>"
            + "<dt>Findings</dt><dd>\(HTML.number(node.findings))</dd>"
            + "<dt>Unknown risk</dt><dd>\(HTML.number(node.unknownRisk))</dd></dl>"

        let children = tree.children(of: folder, order: order)
        if !children.isEmpty {
            out += "<h2 id=\"subfolders\">Subfolders</h2>"
            out += "<form method=\"get\" action=\"/folders\" class=\"sort\"><input type=\"hidden\" name=\"run\" value=\"\(run.id)\">"
                + "<input type=\"hidden\" name=\"path\" value=\"\(HTML.escape(folder))\">"
                + "<label for=\"sort\">Sort subfolders by</label> <select id=\"sort\" name=\"sort\">"
            for choice in FolderTree.Order.allCases {
                out += "<option value=\"\(choice.rawValue)\"\(choice == order ? " selected" : "")>\(label(choice))</option>"
            }
            out += "</select> <button type=\"submit\">Sort</button></form>"
            out += folderTable(children, run: run.id, caption: "Subfolders of \(node.path), by \(label(order))")
        }
        if let listing {
            out += "<h2 id=\"files\">Files in this folder</h2>"
            if listing.files.isEmpty {
                out += "<p class=\"muted\">No files directly in this folder.</p>"
            } else {
                out += FileRows.table(listing.files, run: run.id, id: "folder-files", caption: "Files directly in \(node.path), riskiest first")
                out += HTML.pager(
                    path: "/folders", items: runItem + [("path", folder), ("sort", order.rawValue)], offset: listing.offset,
                    pageSize: listing.pageSize, total: listing.total)
            }
        }
        out += Exports.links(run: run.id, under: folder)
        return out
    }

    static func label(_ order: FolderTree.Order) -> String {
        switch order {
        case .risk: "highest risk"
        case .people: "people exposed"
        case .files: "files with findings"
        case .unknown: "unknown risk"
        case .name: "name"
        }
    }

    private static func folderTable(_ nodes: [FolderTree.Node], run: Int64, caption: String) -> String {
        HTML.table(
            id: "folder-table", caption: caption,
            head: ["folder", "#highest risk", "tier", "#people", "#files with findings", "#findings", "#unknown risk"],
            rows: nodes.map { node in
                [
                    "<a href=\"\(HTML.href("/folders", [("run", String(run)), ("path", node.path)]))\">\(HTML.escape(node.name))</a>",
                    String(node.highestRisk), HTML.tier(node.highestTier), HTML.number(node.individuals),
                    HTML.number(node.filesWithFindings), HTML.number(node.findings), HTML.number(node.unknownRisk),
                ]
            }, filter: true)
    }
}

/// A table of files linking to their pages.
enum FileRows {
    static func table(_ files: [FileRecord], run: Int64, id: String, caption: String) -> String {
        HTML.table(
            id: id, caption: caption, head: ["#score", "tier", "#findings", "status", "path"],
            rows: files.map { file in
                [
                    String(file.riskScore), HTML.tier(file.riskTier), HTML.number(file.findingCount), HTML.escape(file.status.rawValue),
                    "<a href=\"\(HTML.href("/file", [("run", String(run)), ("id", String(file.id))]))\">\(HTML.escape(file.path))</a>",
                ]
            }, filter: true)
    }
}
