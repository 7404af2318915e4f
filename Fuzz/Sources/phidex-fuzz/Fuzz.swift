// `phidex-fuzz TARGET [libFuzzer options] [corpus folders]` (or PHIDEX_FUZZ_TARGET=TARGET): runs one fuzz target under
// libFuzzer when built by scripts/fuzz (-sanitize=fuzzer). Built plainly, `phidex-fuzz
// TARGET FILE...` runs the target once on each file: how a crash is replayed.

import Foundation

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

nonisolated(unsafe) private var chosen: FuzzTarget?

/// Referenced by libFuzzer's runtime; the driver is given the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    chosen?.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#endif

@main
struct PhidexFuzz {
    static func main() {
        // The target is named first, or by PHIDEX_FUZZ_TARGET: libFuzzer's -fork mode starts children
        // with its own options only, and they find the target in the environment.
        var arguments = CommandLine.arguments
        if let name = ProcessInfo.processInfo.environment["PHIDEX_FUZZ_TARGET"], arguments.count < 2 || FuzzTarget.named(arguments[1]) == nil {
            arguments.insert(name, at: 1)
        }
        guard arguments.count >= 2, let target = FuzzTarget.named(arguments[1]) else {
            var usage = "usage: phidex-fuzz TARGET [libFuzzer options | inputs]\ntargets:\n"
            for target in FuzzTarget.all { usage += "  \(target.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(target.summary)\n" }
            FileHandle.standardError.write(Data(usage.utf8))
            exit(2)
        }
        #if FUZZING
        chosen = target
        // libFuzzer sees the program name and what follows the target's name.
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup(arguments[0])] + arguments.dropFirst(2).map { strdup($0) } + [nil]
        var argc = CInt(argv.count - 1)
        argv.withUnsafeMutableBufferPointer { buffer in
            var base = buffer.baseAddress!
            exit(LLVMFuzzerRunDriver(&argc, &base, fuzzOne))
        }
        #else
        for path in arguments.dropFirst(2) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            data.withUnsafeBytes { target.run($0) }
            print("\(target.name): \(path): done")
        }
        #endif
    }
}
