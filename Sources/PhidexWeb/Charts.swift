// Charts as inline SVG, drawn on the server: bars for counts, lines for a trend across
// runs. Each has a title and a description for screen readers; the numbers are also in a
// table beside it.

/// Inline SVG charts.
enum Charts {
    struct Bar {
        var label: String
        var value: Int
        var color: String
    }

    /// Horizontal bars, one per item, scaled to the largest.
    static func bars(id: String, title: String, _ bars: [Bar]) -> String {
        let rowHeight = 24, labelWidth = 130, barWidth = 420, width = labelWidth + barWidth + 90
        let height = max(1, bars.count) * rowHeight + 10
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let summary = bars.map { "\($0.label) \($0.value)" }.joined(separator: ", ")
        var svg = "<svg class=\"chart\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
        svg += "<title id=\"\(id)-t\">\(HTML.escape(title))</title><desc id=\"\(id)-d\">\(HTML.escape(summary))</desc>"
        for (index, bar) in bars.enumerated() {
            let y = 5 + index * rowHeight
            let length = bar.value == 0 ? 0 : max(2, bar.value * barWidth / maximum)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(HTML.escape(bar.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" fill=\"\(bar.color)\"></rect>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 16)\">\(HTML.number(bar.value))</text>"
        }
        return svg + "</svg>"
    }

    struct Series {
        var name: String
        var color: String
        var values: [Int]
    }

    /// Lines across runs (`labels` along the bottom), each series scaled to the largest value of all.
    static func trend(id: String, title: String, labels: [String], _ series: [Series]) -> String {
        let width = 640, height = 240, left = 56, right = 140, top = 14, bottom = 34
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = max(1, series.flatMap(\.values).max() ?? 1)
        let step = labels.count > 1 ? plotWidth / (labels.count - 1) : 0
        let x = { (index: Int) in left + (labels.count > 1 ? index * step : plotWidth / 2) }
        let y = { (value: Int) in top + plotHeight - value * plotHeight / maximum }
        let summary = series.map { "\($0.name): " + $0.values.map(String.init).joined(separator: ", ") }.joined(separator: "; ")
        var svg = "<svg class=\"chart\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
        svg += "<title id=\"\(id)-t\">\(HTML.escape(title))</title><desc id=\"\(id)-d\">\(HTML.escape("by run \(labels.joined(separator: ", ")): " + summary))</desc>"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#98a2b3\"></line>"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#98a2b3\"></line>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 10)\" text-anchor=\"end\">\(HTML.number(maximum))</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + plotHeight)\" text-anchor=\"end\">0</text>"
        for (index, label) in labels.enumerated() {
            svg += "<text x=\"\(x(index))\" y=\"\(height - 12)\" text-anchor=\"middle\">\(HTML.escape(label))</text>"
        }
        for (number, line) in series.enumerated() {
            let points = line.values.enumerated().map { "\(x($0.offset)),\(y($0.element))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2.5\" points=\"\(points)\"></polyline>"
            for (index, value) in line.values.enumerated() {
                svg += "<circle cx=\"\(x(index))\" cy=\"\(y(value))\" r=\"3.5\" fill=\"\(line.color)\"></circle>"
            }
            let legendY = top + 8 + number * 18
            svg += "<rect x=\"\(left + plotWidth + 16)\" y=\"\(legendY - 9)\" width=\"12\" height=\"12\" fill=\"\(line.color)\"></rect>"
            svg += "<text x=\"\(left + plotWidth + 34)\" y=\"\(legendY + 1)\">\(HTML.escape(line.name))</text>"
        }
        return svg + "</svg>"
    }

    static let tierColors: [String: String] = [
        "critical": "#a1121b", "high": "#c2410c", "medium": "#a16207", "low": "#3f6212", "none": "#5a6473",
    ]
}
