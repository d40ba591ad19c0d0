// swift-tools-version:6.0
// FlyingFox 0.27.1 (swhitty/FlyingFox, MIT), with the changes in casebook.patch applied.
// See README.md for why casebook carries this copy and how to drop it.

import PackageDescription

let package = Package(
    name: "FlyingFox",
    platforms: [
        .macOS(.v10_15), .iOS(.v13), .tvOS(.v13), .watchOS(.v8)
    ],
    products: [
        .library(name: "FlyingFox", targets: ["FlyingFox"]),
        .library(name: "FlyingSocks", targets: ["FlyingSocks"]),
    ],
    targets: [
        .target(
            name: "FlyingFox",
            dependencies: ["FlyingSocks"],
            path: "FlyingFox/Sources",
            swiftSettings: .upcomingFeatures
        ),
        .target(
            name: "FlyingSocks",
            dependencies: [.target(name: "CSystemLinux", condition: .when(platforms: [.linux, .android]))],
            path: "FlyingSocks/Sources",
            swiftSettings: .upcomingFeatures
        ),
        .target(
            name: "CSystemLinux",
            path: "CSystemLinux"
        ),
    ]
)

extension Array where Element == SwiftSetting {

    // As upstream's, plus -suppress-warnings: upstream's code warns under Swift 6.3 (deprecated
    // calls, conformances stated twice), and warnings of a local package are not hidden as a
    // remote package's are.
    static var upcomingFeatures: [SwiftSetting] {
        [
            .enableUpcomingFeature("ExistentialAny"),
            .swiftLanguageMode(.v6),
            .unsafeFlags(["-suppress-warnings"]),
        ]
    }
}
