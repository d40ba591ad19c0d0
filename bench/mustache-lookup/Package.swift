// swift-tools-version:5.9
// What one `{{name}}` costs inside swift-mustache, and the Swift runtime casts behind it (issue #6).
// Its own package so the main build never compiles it: `swift run -c release` in this folder.
import PackageDescription

let package = Package(
    name: "mustache-lookup",
    dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0")],
    targets: [
        .executableTarget(name: "mustache-lookup", dependencies: [.product(name: "Mustache", package: "swift-mustache")]),
    ]
)
