import Model
import SystemSupport

/// Reads a case study's `image:` and `image_alt:`: the file must be an image inside the site,
/// beside the case study (`garden.jpg`, `images/garden.jpg`: published with its page) or in
/// `static/` (`/images/garden.jpg`), and the alt text is required.
///
/// A file beside a case study is published, so it is held to `static/`'s rule: links under
/// `content/case-studies/` may only point inside it (`BoundedFolder`), its bytes must be the
/// image its name says (a renamed quote file is not published), and an SVG must not be able to
/// run script when opened on its own.
public enum LeadImageReader {
    static let folder = "content/case-studies"
    static let formats = "PNG, JPEG, GIF, WebP or SVG"

    static func read(_ yaml: YAMLMapping, slug: String?, root: String, diagnostics: inout [Diagnostic]) -> LeadImage? {
        let image = yaml.string("image", diagnostics: &diagnostics)
        let alt = yaml.string("image_alt", diagnostics: &diagnostics)
        guard let image else {
            if let alt {
                diagnostics.append(.warning("image-alt-without-image", "'image_alt' describes an 'image:', and there is none", at: alt.location))
            }
            return nil
        }
        func refuse(_ code: String, _ message: String) -> LeadImage? {
            diagnostics.append(.error(code, message, at: image.location))
            return nil
        }
        guard let alt, alt.value.contains(where: { !$0.isWhitespace }) else {
            return refuse(
                "missing-image-alt",
                "'image' needs 'image_alt': a short description of what the picture shows, for people who cannot see it")
        }
        let written = image.value
        let relative = written.hasPrefix("/") ? String(written.dropFirst()) : written
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        if written.contains(":") || written.contains("\\") || written.contains("?") || written.contains("#")
            || segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        {
            return refuse(
                "invalid-image",
                "'image' names an image file in the site: beside the case study (garden.jpg) or in static/ (/images/garden.jpg), "
                    + "found '\(written)'")
        }
        guard let format = ImageHeader.extensions[SiteDirectory.pathExtension(of: written)] else {
            return refuse("invalid-image", "'image' must be a \(formats) file, found '\(written)'")
        }
        guard let slug else { return nil }
        switch checked(relative, beside: !written.hasPrefix("/"), format: format, slug: slug, alt: alt.value, root: root) {
        case .success(let image): return image
        case .failure(.problem(let code, let message)): return refuse(code, message)
        case .failure(.refusedLinks(let refusals)):
            diagnostics += refusals
            return nil
        }
    }

    /// An image of the body beside the case study (`![Beds](beds.jpg)` in `garden.md` names
    /// `content/case-studies/beds.jpg`): where it is published, when it may be; nil otherwise
    /// (`check` then reports the image as missing).
    public static func bodyImage(_ relative: String, slug: String, root: String) -> LeadImage? {
        guard !relative.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
            let format = ImageHeader.extensions[SiteDirectory.pathExtension(of: relative)]
        else { return nil }
        return try? checked(relative, beside: true, format: format, slug: slug, alt: "", root: root).get()
    }

    enum Refusal: Error {
        case problem(code: String, message: String)
        /// A symbolic link out of the folder, with `BoundedFolder`'s diagnostics at the link.
        case refusedLinks([Diagnostic])
    }

    /// The file `relative` (beside the case study, or in static/) checked and measured.
    private static func checked(
        _ relative: String, beside: Bool, format: ImageHeader.Format, slug: String, alt: String, root: String
    ) -> Result<LeadImage, Refusal> {
        func refuse(_ code: String, _ message: String) -> Result<LeadImage, Refusal> { .failure(.problem(code: code, message: message)) }
        let source = beside ? "\(folder)/\(relative)" : "static/\(relative)"
        let bounded =
            beside
            ? BoundedFolder(root: root, boundary: folder, reason: "images beside a case study are published with it")
            : BoundedFolder(root: root, boundary: "static", reason: "files in static/ are published as they are")
        var refusals: [Diagnostic] = []
        guard let absolute = bounded.file(source, diagnostics: &refusals) else {
            return refusals.isEmpty ? refuse("image-not-found", "'image' names \(source), which does not exist") : .failure(.refusedLinks(refusals))
        }
        guard let header = ImageHeader.read(absolute), header.format == format else {
            return refuse("invalid-image", "\(source) is not a \(format.rawValue.uppercased()) image, as its name says")
        }
        if beside, format == .svg, ImageHeader.svgHasScript(absolute) {
            return refuse(
                "svg-with-script",
                "\(source) holds script (<script>, an on…= handler or a javascript: link), which would run on the site's "
                    + "address when the image is opened on its own; remove it, or put the file in static/ if it is yours")
        }
        return .success(
            LeadImage(
                source: source, path: beside ? "case-studies/\(slug)/\(relative)" : relative, alt: alt,
                width: header.width, height: header.height))
    }
}
