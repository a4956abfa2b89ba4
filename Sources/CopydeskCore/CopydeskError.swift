/// Problems with what the user gave us: a file, an option, a pipeline. Each message is one line
/// that names the file (and stage, key or line where there is one), so a desk can fix it quickly.
public enum CopydeskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration file (pipeline, style) is wrong.
    case configuration(file: String, message: String)
    /// An input file cannot be read or parsed.
    case input(file: String, message: String)
    /// Bad command-line usage that the argument parser cannot see.
    case usage(String)

    public var description: String {
        switch self {
        case .configuration(let file, let message): "\(file): \(message)"
        case .input(let file, let message): "\(file): \(message)"
        case .usage(let message): message
        }
    }
}
