// Office Open XML text: Word's document, headers, footers, notes and comments
// (w:) and PowerPoint's slides and notes (DrawingML a:). Text lives only in
// `t` runs (and `delText`, text deleted with tracked changes, still in the file);
// a value Word split over several runs is put back together because runs of a
// paragraph are written side by side. Paragraphs end lines; tables become
// tab-separated rows with their first row as header.

/// Renders a WordprocessingML or DrawingML part.
final class WordRendering: MarkupRendering {
    private var inText = 0

    func start(_ element: MarkupName, _ attributes: MarkupAttributes, _ text: TextOutput) {
        if element == "t" || element == "delText" {
            inText += 1
        } else if element == "tab" {
            if inText == 0 { text.tab() }
        } else if element == "br" || element == "cr" {
            text.lineBreak()
        } else if element == "tbl" {
            text.beginTable()
        } else if element == "tr" {
            text.beginRow()
        } else if element == "tc" {
            text.beginCell()
        }
    }

    func end(_ element: MarkupName, _ text: TextOutput) {
        if element == "t" || element == "delText" {
            inText = max(0, inText - 1)
        } else if element == "p" {
            text.lineBreak()
        } else if element == "tc" {
            text.endCell()
        } else if element == "tr" {
            text.endRow()
        } else if element == "tbl" {
            text.endTable()
        }
    }

    func characters(_ bytes: UnsafeRawBufferPointer, _ text: TextOutput) {
        if inText > 0 { text.append(bytes) }
    }
}
