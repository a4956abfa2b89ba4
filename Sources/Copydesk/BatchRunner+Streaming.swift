import Foundation

/// Which story of a stream read story by story a result holds.
public struct StreamPart: Sendable, Hashable {
    /// 0-based place of the piece in the file, and how many the file is cut into.
    public var index: Int
    public var count: Int
    /// Whether each piece is a story of the file (a wire stream's message), or a run of
    /// paragraphs of the one story of a plain-text file.
    public var isStory: Bool

    public var isLast: Bool { index == count - 1 }
}

extension BatchRunner {
    /// One piece of work: a file read whole, or one story of a stream.
    enum WorkUnit: Sendable {
        case file(String)
        case story(StreamedFile, Int)
        case failed(Result)
    }

    /// The work of a batch in output order: the paths, each wire stream (see `streamAbove`)
    /// opened when it is reached and handed over one story at a time.
    struct WorkUnits {
        let paths: [String]
        let runner: BatchRunner
        private var nextPath = 0
        private var stream: StreamedFile?
        private var nextStory = 0

        init(paths: [String], runner: BatchRunner) {
            self.paths = paths
            self.runner = runner
        }

        mutating func next() -> WorkUnit? {
            if let stream {
                if nextStory < stream.count {
                    nextStory += 1
                    return .story(stream, nextStory - 1)
                }
                self.stream = nil
            }
            guard nextPath < paths.count else { return nil }
            let path = paths[nextPath]
            nextPath += 1
            guard let threshold = runner.streamAbove, runner.translationSource == nil else { return .file(path) }
            do {
                guard let opened = try StreamedFile.open(
                    path: path, threshold: threshold, encoding: runner.encoding ?? runner.pipeline.input.encoding,
                    format: runner.format ?? runner.pipeline.input.format, readers: runner.readers,
                    cutsPlainText: runner.cutsPlainText) else { return .file(path) }
                stream = opened
                nextStory = 1
                return .story(opened, 0)
            } catch let error as CopydeskError {
                return .failed(Result(path: path, story: nil, error: error))
            } catch {
                return .failed(Result(path: path, story: nil, error: .input(file: path, message: "\(error)")))
            }
        }
    }

    func process(_ unit: WorkUnit, turn: InputTurn?) async -> Result {
        switch unit {
        case .file(let path): await process(path: path, turn: turn)
        case .story(let file, let index): await process(story: index, of: file, turn: turn)
        case .failed(let result): result
        }
    }

    /// A file that is not read story by story is one story: refused whole when over the limit.
    func checkStorySize(_ path: String) throws {
        guard streamAbove != nil, path != "-" else { return }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > maximumStorySize else { return }
        throw CopydeskError.input(file: path, message: "file is \(Self.megabytes(Int(status.st_size))), larger than the story size limit of \(Self.megabytes(maximumStorySize)) (--max-story-size); not read")
    }

    /// Story `index` of a stream, read, processed and handed back on its own, placed at its
    /// offset and line in the file.
    func process(story index: Int, of file: StreamedFile, turn: InputTurn?) async -> Result {
        let part = StreamPart(index: index, count: file.count, isStory: file.cut == .messages)
        let range = file.range(of: index)
        var result: Result
        if range.count > maximumStorySize {
            let line = file.lines[index] + 1
            let what = file.cut == .messages ? "story \(index + 1) of \(file.count)" : "the text from here to the next blank line"
            result = Result(path: file.path, story: nil, error: .input(
                file: file.path,
                message: "line \(line): \(what) is \(Self.megabytes(range.count)), larger than the story size limit of \(Self.megabytes(maximumStorySize)) (--max-story-size); skipped"))
        } else {
            do {
                let bytes = try file.bytes(of: index)
                result = await process(bytes: bytes, path: file.path, origin: try file.origin(of: index), format: file.format, turn: turn)
                if result.error == nil { wholeFileLineEndings(&result, range: range, file: file) }
            } catch let error as CopydeskError {
                result = Result(path: file.path, story: nil, error: error)
            } catch {
                result = Result(path: file.path, story: nil, error: .input(file: file.path, message: "\(error)"))
            }
        }
        result.part = part
        return result
    }

    /// The line-ending finding is about the file: kept by the story holding the file's first CR,
    /// with the whole file's counts, and dropped from the others (read whole, every story of a
    /// stream reports the same finding and it is kept once).
    private func wholeFileLineEndings(_ result: inout Result, range: Range<Int>, file: StreamedFile) {
        let holdsFirst = file.firstCarriageReturn.map { range.contains($0) } ?? false
        let message = NormalizeStage.lineEndingMessage(crlf: file.crlf, total: file.carriageReturns)
        for index in result.stories.indices {
            var kept = false
            result.stories[index].diagnostics = result.stories[index].diagnostics.compactMap { diagnostic in
                guard diagnostic.ruleID == WhitespaceCleanup.lineEndingRule else { return diagnostic }
                guard holdsFirst, !kept else { return nil }
                kept = true
                var whole = diagnostic
                whole.message = message
                return whole
            }
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }
}
