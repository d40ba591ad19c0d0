// swift-tools-version:5.9
// swift-mustache 2.1.1 (hummingbird-project/swift-mustache, abb2a36), with the changes in
// casebook.patch applied. See README.md for why casebook carries this copy and how to update it.

import PackageDescription

let package = Package(
    name: "swift-mustache",
    platforms: [.macOS(.v10_15), .iOS(.v13), .tvOS(.v13), .watchOS(.v6)],
    products: [
        .library(name: "Mustache", targets: ["Mustache"])
    ],
    dependencies: [],
    targets: [
        .target(name: "Mustache", dependencies: [])
    ],
    swiftLanguageVersions: [.v5, .version("6")]
)
