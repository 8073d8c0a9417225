// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "csar-check",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "csar-check", targets: ["csar-check"]),
        .library(name: "CSARCheck", targets: ["CSARCheck"]),
        .library(name: "DemoSite", targets: ["DemoSite"]),
        .library(name: "SideEffectDoubles", targets: ["SideEffectDoubles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The demo site's throwaway certificate authority and HTTPS (`csar-check demo`); both already in the graph
        // through Hummingbird and async-http-client.
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Already in the graph through Hummingbird; named for DemoSite's outbound HTTP (SMS provider, Pusher API).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Typed wrappers around libcurl's variadic C API; OpenSSL (libcurl's TLS) for the load engine's
        // connections. NOTE: ccurl_tls_interposes_SSL_CTX_new.c defines OpenSSL's SSL_CTX_new for the whole
        // process (one context per load thread instead of one per connection; handshakes counted), checked with
        // libcurl 7.88.1 and OpenSSL 3.0 (Debian 12); TLSInterpositionTests fails when either changes.
        .target(
            name: "CCurl",
            linkerSettings: [
                .linkedLibrary("curl"), .linkedLibrary("ssl", .when(platforms: [.linux])),
                .linkedLibrary("crypto", .when(platforms: [.linux])),
            ]
        ),
        // Opaque HTML/XML + XPath API; libxml2 headers stay inside the .c file (ICU clash with Foundation).
        .target(
            name: "CLibXML",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        // zlib, for HdrHistogram's compressed encoding in reports.
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(
            name: "CSARCheck",
            dependencies: [
                "CCurl",
                "CLibXML",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "WSClient", package: "swift-websocket"),
            ]
        ),
        // Run history (SQLite through GRDB) and the trend verdict over it.
        .target(
            name: "CSARHistory",
            dependencies: [
                "CSARCheck",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The demo site's side effects (mail into its Mailpit-like catcher, SMS and Pusher events over HTTP) leave
        // through a small SwiftNIO client; SideEffectDoubles signs the Pusher requests. Over HTTPS it serves a
        // certificate from a certificate authority made at start (X509, Crypto) through HummingbirdTLS.
        .target(
            name: "DemoSite",
            dependencies: [
                "SideEffectDoubles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Stand-ins for the services a site's side effects go through (a Pusher Channels server, Orange's SMS
        // API), run in-process by the tests, the demo site and csar-check (`csar-check doubles`).
        .target(
            name: "SideEffectDoubles",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "csar-check",
            dependencies: [
                "CSARCheck",
                "CSARHistory",
                "DemoSite",
                "SideEffectDoubles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc replaces glibc's malloc for the whole process, libcurl included: libcurl 7.88
            // makes about 50 allocations per request, and a load run spends measurably less CPU in them.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // The fuzz target of scripts/fuzz.sh (libFuzzer, -DFUZZING); a plain build replays Fuzz/regressions.
        .executableTarget(name: "csar-check-fuzz", dependencies: ["CSARCheck"], path: "Fuzz/Target"),
        .testTarget(
            name: "CSARCheckTests",
            dependencies: ["CSARCheck", "CSARHistory", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "CSARCheck",
                "CSARHistory",
                .product(name: "GRDB", package: "GRDB.swift"),
                "DemoSite",
                "SideEffectDoubles",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
