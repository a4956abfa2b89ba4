/// A unified diff of two texts by line (Myers' algorithm), as `diff -u` and `git apply` read it.
public enum UnifiedDiff {
    public static func render(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group changes into hunks with `context` lines around them.
        var index = 0
        while index < script.count {
            guard script[index].kind != .same else { index += 1; continue }
            var start = index
            var leading = 0
            while start > 0, leading < context, script[start - 1].kind == .same { start -= 1; leading += 1 }
            var end = index
            var trailingSame = 0
            while end < script.count {
                if script[end].kind == .same {
                    trailingSame += 1
                    if trailingSame > context * 2 { break }
                } else {
                    trailingSame = 0
                }
                end += 1
            }
            // Keep at most `context` unchanged lines after the last change.
            var stop = end
            while stop > index, script[stop - 1].kind == .same { stop -= 1 }
            stop = min(script.count, stop + context)
            let hunk = script[start..<stop]
            let oldStart = (hunk.first { $0.kind != .insert }?.oldLine ?? script[start].oldLine) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newLine ?? script[start].newLine) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for step in hunk {
                switch step.kind {
                case .same: out += " " + a[step.oldLine].text
                case .delete: out += "-" + a[step.oldLine].text
                case .insert: out += "+" + b[step.newLine].text
                }
                let line = step.kind == .insert ? b[step.newLine] : a[step.oldLine]
                if !line.hasNewline { out += "\n\\ No newline at end of file" }
                out += "\n"
            }
            index = stop
        }
        return out
    }

    struct Line: Equatable { var text: Substring; var hasNewline: Bool }

    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                result.append(Line(text: text[start..<index], hasNewline: true))
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { result.append(Line(text: text[start...], hasNewline: false)) }
        return result
    }

    struct Step { enum Kind { case same, delete, insert }; var kind: Kind; var oldLine: Int; var newLine: Int }

    /// Shortest edit script (Myers 1986), forward greedy with a trace for backtracking.
    static func editScript(_ a: [Line], _ b: [Line]) -> [Step] {
        let n = a.count, m = b.count
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[max + k] = x
                if x >= n && y >= m { trace.append(v); break outer }
            }
        }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1
            let previousX = v[max + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                steps.append(Step(kind: .same, oldLine: x - 1, newLine: y - 1)); x -= 1; y -= 1
            }
            if d > 0 {
                if x == previousX { steps.append(Step(kind: .insert, oldLine: x, newLine: y - 1)) } else { steps.append(Step(kind: .delete, oldLine: x - 1, newLine: y)) }
            }
            x = previousX; y = previousY
        }
        return steps.reversed()
    }
}
