// swift-tools-version:6.1
// Phidex's fuzz targets: one executable that runs any of them, built with libFuzzer and
// AddressSanitizer by scripts/fuzz (docs/reliability.md), or plainly to replay inputs.
import PackageDescription

let package = Package(
    name: "PhidexFuzz",
    dependencies: [.package(name: "Phidex", path: "..")],
    targets: [
        .executableTarget(
            name: "phidex-fuzz",
            dependencies: [
                .product(name: "PhidexExtract", package: "Phidex"), .product(name: "PhidexDetect", package: "Phidex"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
