import ArgumentParser
import Copydesk

extension OutputFormat: ExpressibleByArgument {}
