// libFuzzer driver for casebook's fuzz targets; `scripts/fuzz.sh` builds and runs them.
//
// One binary holds every target, chosen by `CASEBOOK_FUZZ_TARGET`, so one build serves all.
// SwiftPM makes this file's code the program's `main` (over libFuzzer's own), so it starts
// libFuzzer itself, through `LLVMFuzzerRunDriver`, found at run time: a plain `swift build`
// links no libFuzzer, and the program then says how to build it.
import Foundation

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
typealias FuzzDriver = @convention(c) (
    UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, FuzzCallback
) -> Int32

guard let symbol = dlsym(nil, "LLVMFuzzerRunDriver") else {  // glibc's RTLD_DEFAULT
    FileHandle.standardError.write(Data("casebook's fuzz targets need libFuzzer: build and run them with scripts/fuzz.sh\n".utf8))
    exit(2)
}
let driver = unsafeBitCast(symbol, to: FuzzDriver.self)
var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(driver(&argc, &argv, fuzzOneInput))

/// libFuzzer's object files name this function, so it is exported under libFuzzer's name too.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTargets.selected(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
