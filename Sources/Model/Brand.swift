import Foundation

/// A site's own look without a theme of its own (`brand:` in casebook.yml): colours, a font
/// stack and a logo, given to the site's and the report's stylesheets as CSS custom properties.
///
/// Every value is checked strictly when read (`HexColour`, `FontStack`), because each is
/// printed into a stylesheet: nothing but a colour or a list of font names can get there.
public struct Brand: Sendable, Equatable {
    /// The header and footer band, links and tags on the site; headings and rules in reports.
    public var primary: Located<HexColour>?
    /// Emphasis and focus rings on the site.
    public var accent: Located<HexColour>?
    public var font: Located<FontStack>?
    public var logo: Logo?

    public struct Logo: Sendable, Equatable {
        /// Relative to `static/`, as a report's logo is: an `.svg` or `.png` file there,
        /// published at the same path.
        public var path: Located<String>
        public var alt: String
        /// Its intrinsic size in CSS pixels, read from the file (`LogoSize`), so the header can
        /// reserve its space before it loads; nil when the file does not say.
        public var size: (width: Int, height: Int)?

        public init(path: Located<String>, alt: String, size: (width: Int, height: Int)? = nil) {
            self.path = path
            self.alt = alt
            self.size = size
        }

        public static func == (a: Logo, b: Logo) -> Bool {
            a.path == b.path && a.alt == b.alt && a.size?.width == b.size?.width && a.size?.height == b.size?.height
        }
    }

    public init(primary: Located<HexColour>? = nil, accent: Located<HexColour>? = nil, font: Located<FontStack>? = nil, logo: Logo? = nil) {
        self.primary = primary
        self.accent = accent
        self.font = font
        self.logo = logo
    }
}

/// An sRGB colour written `#rgb` or `#rrggbb` (any case), the only forms `brand:` accepts.
public struct HexColour: Sendable, Hashable, CustomStringConvertible {
    public let red, green, blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public init?(_ text: String) {
        let digits = Array(text.utf8)
        guard digits.first == UInt8(ascii: "#"), digits.count == 4 || digits.count == 7 else { return nil }
        var values: [UInt8] = []
        for byte in digits.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): values.append(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): values.append(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        if values.count == 3 {
            (red, green, blue) = (values[0] * 17, values[1] * 17, values[2] * 17)
        } else {
            (red, green, blue) = (values[0] * 16 + values[1], values[2] * 16 + values[3], values[4] * 16 + values[5])
        }
    }

    /// `#rrggbb`, lower case: what stylesheets get.
    public var description: String {
        let hex = Array("0123456789abcdef")
        return "#" + String([red, green, blue].flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] })
    }

    /// WCAG 2.2's relative luminance (sRGB, with the 0.04045 threshold of IEC 61966-2-1).
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2.2's contrast ratio, from 1 to 21, the same either way round.
    public func contrast(with other: HexColour) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    public static let white = HexColour(red: 255, green: 255, blue: 255)
}

/// A CSS font stack: family names separated by commas, each a generic family or a name of
/// letters, digits, spaces, `-`, `_` and `.`, bare or in double quotes. So a stack cannot close
/// the declaration or the rule it is printed in, nor load anything (`url(`).
public struct FontStack: Sendable, Hashable, CustomStringConvertible {
    public let families: [String]

    public init?(_ text: String) {
        var families: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            var name = part.trimming(" ")
            let quoted = name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"")
            if quoted { name = String(name.dropFirst().dropLast()).trimming(" ") }
            guard !name.isEmpty, name.count <= 100,
                name.unicodeScalars.allSatisfy({ Self.allowed($0) })
            else { return nil }
            // A bare name with spaces is valid CSS only as separate identifiers; quote it to be sure.
            families.append(quoted || name.contains(" ") ? "\"\(name)\"" : name)
        }
        guard !families.isEmpty, families.count <= 20 else { return nil }
        self.families = families
    }

    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", " ", "-", "_", ".": return true
        default: return false
        }
    }

    /// The stack as CSS: `"Source Sans 3", Arial, sans-serif`.
    public var description: String { families.joined(separator: ", ") }
}

private extension Substring {
    func trimming(_ character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}

private extension String {
    func trimming(_ character: Character) -> String { self[...].trimming(character) }
}
