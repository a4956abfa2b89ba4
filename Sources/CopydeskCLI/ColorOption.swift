import ArgumentParser
import Foundation
import Copydesk

/// `--color auto|always|never`: `auto` colours a terminal only, and never when NO_COLOR is set
/// (https://no-color.org) or TERM is `dumb`; `always` also colours a pipe (`| less -R`).
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func wantsColour(fileDescriptor: Int32) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: Terminal.wantsColour(fileDescriptor: fileDescriptor)
        }
    }
}

extension Terminal {
    /// Columns of the terminal on `fileDescriptor`, or `TextReporter.defaultWidth` when it is
    /// not a terminal (a CI log, a pipe, a file), so excerpts do not depend on where output goes.
    static func width(fileDescriptor: Int32) -> Int {
        guard isatty(fileDescriptor) == 1 else { return TextReporter.defaultWidth }
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// The text reporter for findings printed on `fileDescriptor`.
    static func textReporter(fileDescriptor: Int32, color: ColorChoice, showSource: Bool) -> TextReporter {
        TextReporter(colour: color.wantsColour(fileDescriptor: fileDescriptor), showSource: showSource,
                     width: width(fileDescriptor: fileDescriptor))
    }
}
