// swift-tools-version: 6.0
import PackageDescription

// The pipeline is the architecture: load → validate → aggregate → render → write.
// Each stage is a module; the arrows below are the only dependencies allowed between them.
//
// Tested on Linux only: Debian 12 (bookworm) with Swift 6.3, libcmark-dev and libyaml-dev
// (scripts/install-deps.sh). macOS 15 (Synchronization's `Mutex`) is the oldest macOS the code is written for, but no
// macOS build or test is run: treat it as untested.
let package = Package(
    name: "casebook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "casebook", targets: ["casebook"])
    ],
    dependencies: [
        // Exact versions: the ones casebook is built and tested with.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // swift-mustache 2.1.1 with a lookup fix, until upstream has it (Vendor/swift-mustache/README.md).
        .package(path: "Vendor/swift-mustache"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // FlyingFox 0.27.1 with request limits and linear header parsing, until upstream has them
        // (Vendor/FlyingFox/README.md).
        .package(path: "Vendor/FlyingFox"),
        // Reading .xlsx workbooks for `casebook import`: the zip container (its XML is read by
        // Import's WorkbookXML: Foundation's XMLParser would link libxml2 and ICU into releases).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
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
        // libyaml from the system (Debian: libyaml-dev), for the front-matter composer.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Plain values shared by every stage: the site's content, source positions, diagnostics,
        // casebook's version.
        .target(name: "Model", dependencies: ["CBuildInfo"]),
        // What the stages share that is not content: parallel map and background work, timings,
        // values kept until exit, and folder listing (readdir, links kept inside a boundary).
        .target(name: "SystemSupport", dependencies: ["Model"]),
        // Files → LoadedSite. The only importer of libyaml and of the CSV reader.
        .target(
            name: "Load",
            dependencies: [
                "Model", "SystemSupport", "CLibYAML",
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
                "Model", "SystemSupport", "Aggregate", "Markdown",
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
        .target(name: "Write", dependencies: ["Model", "SystemSupport", "CSystem"]),
        // Print-ready HTML → PDF through an engine on the machine (WeasyPrint, Chromium).
        .target(name: "PDF"),
        // The stages in order, for the command-line front end and the tests.
        .target(
            name: "Pipeline",
            dependencies: ["Model", "SystemSupport", "Load", "Validate", "Aggregate", "Render", "Write", "Markdown", "PDF"]
        ),
        // `casebook init`, `new`, `quotes` and `doctor`: starter files, new content, the consent audit, the setup report.
        .target(
            name: "Authoring",
            dependencies: ["Model", "Load", "Validate", "Pipeline", "Render", "Markdown", "PDF"]
        ),
        // `casebook import`: coded excerpts from Taguette, QualCoder or a spreadsheet → quote files.
        // The only importer of ZIPFoundation; with Load, of the CSV reader.
        .target(
            name: "Import",
            dependencies: [
                "Model", "SystemSupport", "Load", "Authoring",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // `casebook serve`: HTTP, file watching and live reload on top of the pipeline. The only
        // importer of FlyingFox.
        .target(
            name: "Serve",
            dependencies: [
                "Pipeline", "Model", "SystemSupport", "Render",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "casebook",
            dependencies: [
                "Pipeline", "Model", "Markdown", "PDF", "Serve", "Authoring", "Import",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (scripts/fuzz.sh builds them with -sanitize=fuzzer,address).
        .executableTarget(
            name: "CasebookFuzz",
            dependencies: ["Model", "Load", "Validate", "Aggregate", "Render", "Markdown", "Import"],
            path: "Fuzz/CasebookFuzz"
        ),
        .target(name: "TestSupport", dependencies: ["Model", "Pipeline"], path: "Tests/TestSupport"),
        .testTarget(
            name: "CasebookTests",
            dependencies: [
                "Pipeline", "Model", "SystemSupport", "Load", "Validate", "Aggregate", "Render", "Write", "Markdown", "PDF", "Authoring", "Import",
                "TestSupport",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
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
