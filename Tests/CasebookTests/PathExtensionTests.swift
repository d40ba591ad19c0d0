import Foundation
@testable import Load
import Testing

/// Which files are content is decided by their extension, without Foundation's bridging: it must
/// agree with `NSString.pathExtension` (lower-cased) on every kind of name.
@Suite struct PathExtensionTests {
    @Test(arguments: [
        "story.md", "STORY.MD", "notes.markdown", "survey.csv", "a.b.md", "no-extension", "trailing.", ".hidden",
        ".hidden.md", "folder/story.md", "folder.d/story", "café.Md", "多.md", "a..md", "",
    ])
    func extensionMatchesFoundation(_ name: String) {
        #expect(SiteDirectory.pathExtension(of: name) == (name as NSString).pathExtension.lowercased())
    }
}
