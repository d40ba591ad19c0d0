// swift-tools-version: 6.0
import PackageDescription

// The pipeline is the architecture: load → validate → aggregate → render → write.
// Each stage is a module; the arrows below are the only dependencies allowed between them.
let package = Package(
    name: "casebook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "casebook", targets: ["casebook"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // swift-mustache 2.1.1 with a lookup fix, until upstream has it (Vendor/swift-mustache/README.md).
        .package(path: "Vendor/swift-mustache"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // FlyingFox 0.27.1 with request limits and linear header parsing, until upstream has them
        // (Vendor/FlyingFox/README.md).
        .package(path: "Vendor/FlyingFox"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The only module that imports CCmark.
        .target(name: "Markdown", dependencies: ["CCmark", "Model"]),
        // The commit a release was built from, set by scripts/release.sh (-Xcc -DCASEBOOK_COMMIT=…).
        .target(name: "CBuildInfo"),
        // Plain values shared by every stage: the site's content, source positions, diagnostics,
        // casebook's version.
        .target(name: "Model", dependencies: ["CBuildInfo"]),
        // Files → LoadedSite. The only importer of Yams (its libyaml) and of the CSV reader.
        .target(
            name: "Load",
            dependencies: [
                "Model",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // LoadedSite → ValidatedSite + diagnostics (references, consent, slugs).
        .target(name: "Validate", dependencies: ["Model"]),
        // ValidatedSite → AggregatedSite (indexes, evidence matrix); no HTML here.
        .target(name: "Aggregate", dependencies: ["Model"]),
        // AggregatedSite → rendered files. The only importer of Mustache.
        .target(
            name: "Render",
            dependencies: [
                "Model", "Aggregate", "Markdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The default theme is compiled in (BuiltInTheme), not shipped beside the program.
            exclude: ["DefaultTheme"],
            plugins: ["EmbedDefaultTheme"]
        ),
        // Writes Sources/Render/DefaultTheme into a Swift source at build time (the plugin below).
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedDefaultTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        // An atomic directory swap, which Swift cannot reach through Glibc.
        .target(name: "CSystem"),
        // Rendered files → disk, atomically.
        .target(name: "Write", dependencies: ["Model", "CSystem"]),
        // Print-ready HTML → PDF through an engine on the machine (WeasyPrint, Chromium).
        .target(name: "PDF"),
        // The stages in order, for the command-line front end and the tests.
        .target(
            name: "Pipeline",
            dependencies: ["Model", "Load", "Validate", "Aggregate", "Render", "Write", "Markdown", "PDF"]
        ),
        // `casebook init`, `new`, `quotes` and `doctor`: starter files, new content, the consent audit, the setup report.
        .target(
            name: "Authoring",
            dependencies: ["Model", "Load", "Validate", "Pipeline", "Render", "Markdown", "PDF"]
        ),
        // `casebook serve`: HTTP, file watching and live reload on top of the pipeline. The only
        // importer of FlyingFox.
        .target(
            name: "Serve",
            dependencies: [
                "Pipeline", "Model", "Render",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "casebook",
            dependencies: [
                "Pipeline", "Model", "Markdown", "PDF", "Serve", "Authoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (scripts/fuzz.sh builds them with -sanitize=fuzzer,address).
        .executableTarget(
            name: "CasebookFuzz",
            dependencies: ["Model", "Load", "Validate", "Aggregate", "Render", "Markdown"],
            path: "Fuzz/CasebookFuzz"
        ),
        .target(name: "TestSupport", dependencies: ["Model", "Pipeline"], path: "Tests/TestSupport"),
        .testTarget(
            name: "CasebookTests",
            dependencies: [
                "Pipeline", "Model", "Load", "Validate", "Aggregate", "Render", "Write", "Markdown", "PDF", "Authoring",
                "TestSupport",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Pipeline", "Model", "TestSupport"]),
        // swift-mustache's own unit tests, run against the patched copy casebook builds.
        .testTarget(
            name: "VendoredMustacheTests",
            dependencies: [.product(name: "Mustache", package: "swift-mustache")],
            path: "Vendor/swift-mustache/Tests/MustacheTests",
            // Upstream's tests declare retroactive conformances, which Swift 6 warns about.
            swiftSettings: [.swiftLanguageMode(.v5), .unsafeFlags(["-suppress-warnings"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
