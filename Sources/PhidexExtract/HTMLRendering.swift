// HTML as a reader sees it: block elements end lines, scripts, styles and
// templates are skipped, entities come out decoded, tables become
// tab-separated rows under their header row, and form fields' values (a saved
// form keeps what was typed) are text, labelled by the field's name. Placeholders
// are not: they are examples.

import Foundation

/// Renders an HTML document.
final class HTMLRendering: MarkupRendering {
    private var skipping = 0

    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title", "section", "article", "header", "footer",
        "form", "ul", "ol", "dl", "dt", "dd", "pre", "blockquote", "hr", "address", "fieldset", "legend", "nav",
        "main", "aside", "figure", "figcaption", "caption", "option", "label",
    ]

    func start(_ element: MarkupName, _ attributes: MarkupAttributes, _ text: TextOutput) {
        if element == "script" || element == "style" || element == "template" || element == "noscript" {
            skipping += 1
        } else if element == "table" {
            text.beginTable()
        } else if element == "tr" {
            text.beginRow()
        } else if element == "td" || element == "th" {
            text.beginCell()
        } else if element == "input" {
            if let value = attributes.value("value"), !value.isEmpty, attributes.value("type")?.lowercased() != "hidden" {
                // The field's own name labels its value (`name="pt_ssn"` -> `pt ssn: …`), as a
                // visible label would; a value without a name is written alone.
                let name = attributes.value("name") ?? attributes.value("id") ?? attributes.value("aria-label")
                text.append(" " + (name.map { Self.words($0) + ": " } ?? "") + value + " ")
            }
        } else if Self.blocks.contains(element.string) {
            text.lineBreak()
        }
    }

    /// A field name as words: `pt_ssn`, `patient-mrn`, `dateOfBirth` -> `pt ssn`, `patient mrn`, `date of birth`.
    static func words(_ name: String) -> String {
        var out = ""
        var previous: Character?
        for character in name {
            if character == "_" || character == "-" || character == "." || character == "[" || character == "]" {
                out.append(" ")
            } else {
                if let previous, previous.isLowercase, character.isUppercase { out.append(" ") }
                out.append(Character(character.lowercased()))
            }
            previous = character
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    func end(_ element: MarkupName, _ text: TextOutput) {
        if element == "script" || element == "style" || element == "template" || element == "noscript" {
            skipping = max(0, skipping - 1)
        } else if element == "td" || element == "th" {
            text.endCell()
        } else if element == "tr" {
            text.endRow()
        } else if element == "table" {
            text.endTable()
        } else if Self.blocks.contains(element.string) {
            text.lineBreak()
        }
    }

    func characters(_ bytes: UnsafeRawBufferPointer, _ text: TextOutput) {
        if skipping == 0 { text.append(bytes) }
    }
}
