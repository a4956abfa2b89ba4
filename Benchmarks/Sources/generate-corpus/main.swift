import CorpusKit
import Foundation

// generate-corpus OUT [--stories N] [--seed S] [--megabytes M] [--minhash K] [--anpa A]
// Writes, deterministically from the seed:
//   OUT/stories/NNNNN.txt   N wire stories (30% with translated-copy artefacts, 10% re-versions)
//   OUT/clean.txt           M MB of clean stories, separated by a form feed line
//   OUT/dirty.txt           M MB of stories with artefacts, same separator
//   OUT/minhash/NNNNN.txt   K stories of exactly 500 words
//   OUT/stream.anpa         with --anpa A: an ANPA-1312 wire stream of A MB (written as it is
//                           generated, so a multi-gigabyte stream needs no memory)
var arguments = Array(CommandLine.arguments.dropFirst())
guard let out = arguments.first, !out.hasPrefix("-") else {
    FileHandle.standardError.write("usage: generate-corpus OUT [--stories N] [--seed S] [--megabytes M] [--minhash K] [--anpa A]\n".data(using: .utf8)!)
    exit(2)
}
arguments.removeFirst()
var stories = 1000, seed: UInt64 = 7, megabytes = 4, minhash = 2000, anpa = 0
while arguments.count >= 2 {
    let (key, value) = (arguments[0], arguments[1])
    switch key {
    case "--stories": stories = Int(value)!
    case "--seed": seed = UInt64(value)!
    case "--megabytes": megabytes = Int(value)!
    case "--minhash": minhash = Int(value)!
    case "--anpa": anpa = Int(value)!
    default: FileHandle.standardError.write("unknown option \(key)\n".data(using: .utf8)!); exit(2)
    }
    arguments.removeFirst(2)
}
let fm = FileManager.default
try? fm.removeItem(atPath: out)
for sub in ["stories", "minhash"] { try fm.createDirectory(atPath: out + "/" + sub, withIntermediateDirectories: true) }
func write(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: out + "/" + path)) }
func name(_ i: Int) -> String { String(format: "%05d.txt", i) }
for (i, story) in Corpus.stories(count: stories, seed: seed).enumerated() { try write(story, "stories/" + name(i)) }
try write(Corpus.stories(totalBytes: megabytes << 20, seed: seed, dirty: false).joined(separator: "\n\u{0C}\n"), "clean.txt")
try write(Corpus.stories(totalBytes: megabytes << 20, seed: seed &+ 1, dirty: true).joined(separator: "\n\u{0C}\n"), "dirty.txt")
for i in 0..<minhash { try write(Corpus.storyOfWords(500, seed: seed &* 1000 &+ UInt64(i)), "minhash/" + name(i)) }
if anpa > 0 {
    _ = fm.createFile(atPath: out + "/stream.anpa", contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out + "/stream.anpa"))
    var stream = Corpus.ArchiveStream(seed: seed)
    var written = 0, number = 0, chunk = ""
    while written < anpa << 20 {
        let message = Corpus.anpaMessage(stream.next(), number: number)
        number += 1
        written += message.utf8.count
        chunk += message
        if chunk.utf8.count > 1 << 20 { try handle.write(contentsOf: Data(chunk.utf8)); chunk = "" }
    }
    try handle.write(contentsOf: Data(chunk.utf8))
    try handle.close()
    print("wrote stream.anpa: \(number) ANPA stories, \(written >> 20) MB")
}
print("wrote \(stories) stories, clean.txt and dirty.txt (\(megabytes) MB each), \(minhash) 500-word stories to \(out)")
