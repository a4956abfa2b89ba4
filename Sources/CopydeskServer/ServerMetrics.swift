import Metrics
import Prometheus

/// Prometheus metrics at /metrics: Hummingbird's request counter, latency histogram and error
/// counter per route (`http_server_*`), and Copydesk's findings by rule.
enum ServerMetrics {
    /// Installs the Prometheus backend for swift-metrics (once per process) and returns its registry.
    /// The process's one registry: swift-metrics can be bootstrapped only once, and every router
    /// made in this process (the server's, an embedding app's, the fuzz target's) reports to it.
    static let registry: PrometheusCollectorRegistry = bootstrap()

    private static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Checks take about a millisecond: buckets from 0.25 ms up.
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        // swift-metrics labels use dots (http.server.request.duration); Prometheus names cannot.
        factory.nameAndLabelSanitizer = { name, labels in
            (sanitize(name), labels.map { (sanitize($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }

    static func sanitize(_ name: String) -> String {
        // Prometheus names are ASCII: [a-zA-Z_:][a-zA-Z0-9_:]*. Runs for every metric a request
        // touches, so bytes, not Characters.
        String(decoding: name.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: ":"): byte
            default: UInt8(ascii: "_")
            }
        }, as: UTF8.self)
    }

    static func countFindings(_ rules: [String]) {
        var counts: [String: Int] = [:]
        for rule in rules { counts[rule, default: 0] += 1 }
        for (rule, count) in counts {
            Counter(label: "copydesk_findings_total", dimensions: [("rule", rule)]).increment(by: count)
        }
    }
}
