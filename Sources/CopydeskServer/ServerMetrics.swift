import Metrics
import Prometheus

/// Prometheus metrics at /metrics: Hummingbird's request counter, latency histogram and error
/// counter per route (`http_server_*`), and Copydesk's findings by rule.
enum ServerMetrics {
    /// Installs the Prometheus backend for swift-metrics (once per process) and returns its registry.
    static func bootstrap() -> PrometheusCollectorRegistry {
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
        String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" ? $0 : "_" })
    }

    static func countFindings(_ rules: [String]) {
        var counts: [String: Int] = [:]
        for rule in rules { counts[rule, default: 0] += 1 }
        for (rule, count) in counts {
            Counter(label: "copydesk_findings_total", dimensions: [("rule", rule)]).increment(by: count)
        }
    }
}
