// swift-tools-version:6.1
// Phidex: a PHI discovery indexer for file shares.
//
// Modules follow the data flow, and imports point down this list only:
//   PhidexCore -> PhidexCrawl, PhidexExtract, PhidexDetect -> PhidexScore -> PhidexIndex
//   -> PhidexScan -> PhidexReport -> PhidexWeb (the console) -> phidex (the CLI)
// Beside the data flow, the instruments that judge it, on top of the report layer:
//   PhidexCorpus (synthetic share + truth manifest) -> PhidexEval (accuracy against an index, its report)
//   phidex-bench (throughput against ripgrep and the machine's ceilings; `make bench`)
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Debian's multiarch directory, where GLib keeps glibconfig.h.
#if arch(arm64)
let multiarch = "aarch64-linux-gnu"
#else
let multiarch = "x86_64-linux-gnu"
#endif

let package = Package(
    name: "Phidex",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "phidex", targets: ["phidex"]),
        .executable(name: "phidex-bench", targets: ["phidex-bench"]),
        // For the fuzz targets in Fuzz/ (docs/reliability.md), a package of their own.
        .library(name: "PhidexExtract", targets: ["PhidexExtract"]),
        .library(name: "PhidexDetect", targets: ["PhidexDetect"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The web console only (PhidexWeb): HTTP/1.1 server, and TLS through swift-nio-ssl.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // System libraries: Debian packages installed by scripts/bootstrap.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        .systemLibrary(name: "CBZip2", providers: [.apt(["libbz2-dev"])]),
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CVectorscan", pkgConfig: "libhs", providers: [.apt(["libvectorscan-dev"])]),

        // C library calls Swift's Glibc module does not expose (mallopt).
        .target(name: "CSupport"),
        // GMime behind a plain C interface. Its pkg-config flags include ones SwiftPM refuses for a
        // system-library target (-D_LARGEFILE64_SOURCE, -pthread), so the include paths are given here.
        .target(
            name: "CMail",
            cSettings: [.unsafeFlags(["-I/usr/include/gmime-3.0", "-I/usr/include/glib-2.0", "-I/usr/lib/\(multiarch)/glib-2.0/include"])],
            linkerSettings: [.linkedLibrary("gmime-3.0"), .linkedLibrary("gobject-2.0"), .linkedLibrary("glib-2.0")]),
        // poppler's GLib API the same way (its headers include GLib's and cairo's).
        .target(
            name: "CPDF",
            cSettings: [.unsafeFlags([
                "-I/usr/include/poppler/glib", "-I/usr/include/poppler", "-I/usr/include/glib-2.0",
                "-I/usr/lib/\(multiarch)/glib-2.0/include", "-I/usr/include/cairo",
            ])],
            linkerSettings: [.linkedLibrary("poppler-glib"), .linkedLibrary("gobject-2.0"), .linkedLibrary("glib-2.0")]),
        // The Sleuth Kit (disk images, partition tables, file systems), libpff (Outlook PST/OST) and
        // mdbtools (Access databases), each behind a small pull interface in C: their walks are
        // callback- or macro-heavy, and mdbtools' headers need GLib's.
        .target(name: "CDisk", linkerSettings: [.linkedLibrary("tsk")]),
        .target(name: "CPST"),
        .target(
            name: "CAccess",
            cSettings: [.unsafeFlags(["-I/usr/include/glib-2.0", "-I/usr/lib/\(multiarch)/glib-2.0/include"])],
            linkerSettings: [.linkedLibrary("mdb"), .linkedLibrary("glib-2.0")]),

        .target(name: "PhidexCore", swiftSettings: strict),
        .target(name: "PhidexCrawl", dependencies: ["PhidexCore"], swiftSettings: strict),
        .target(
            name: "PhidexExtract",
            dependencies: ["PhidexCore", "CArchive", "CXML2", "CMail", "CPDF", "CSQLite", "CDisk", "CPST", "CAccess", "CZlib", "CLZMA", "CBZip2"],
            swiftSettings: strict),
        .target(
            name: "PhidexDetect",
            dependencies: ["PhidexCore", "CVectorscan", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.embedInCode("Rules")],
            swiftSettings: strict
        ),
        .target(
            name: "PhidexScore", dependencies: ["PhidexCore", "PhidexDetect"], resources: [.embedInCode("Model")],
            swiftSettings: strict),
        .target(
            name: "PhidexIndex",
            dependencies: ["PhidexCore", "PhidexScore", "CSQLite", "CSodium", "CPostgres", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.embedInCode("Schema")],
            swiftSettings: strict
        ),
        .target(
            name: "PhidexScan",
            dependencies: [
                "PhidexCore", "PhidexCrawl", "PhidexExtract", "PhidexDetect", "PhidexScore", "PhidexIndex",
                .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PhidexReport", dependencies: ["PhidexCore", "PhidexDetect", "PhidexScore", "PhidexIndex"], swiftSettings: strict),
        .target(
            name: "PhidexWeb",
            dependencies: [
                "PhidexCore", "PhidexDetect", "PhidexScore", "PhidexIndex", "PhidexReport", "CSodium",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Assets")],
            swiftSettings: strict),
        .target(name: "PhidexCorpus", dependencies: ["CArchive", "CSQLite"], swiftSettings: strict),
        .target(
            name: "PhidexEval",
            dependencies: ["PhidexCore", "PhidexDetect", "PhidexIndex", "PhidexReport", "PhidexCorpus"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "phidex",
            dependencies: [
                "PhidexCore", "PhidexDetect", "PhidexIndex", "PhidexScan", "PhidexReport", "PhidexCorpus",
                "PhidexEval", "PhidexExtract", "PhidexWeb", "CSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "phidex-bench",
            dependencies: [
                "PhidexDetect", "PhidexCorpus", "CZlib",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PhidexTests",
            dependencies: [
                "PhidexCore", "PhidexCrawl", "PhidexExtract", "PhidexDetect", "PhidexScore", "PhidexIndex",
                "PhidexScan", "PhidexReport", "PhidexCorpus", "PhidexEval", "PhidexWeb",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
