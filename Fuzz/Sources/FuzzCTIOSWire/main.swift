#if canImport(Glibc)
import Glibc
#endif
import CTIOSWire
import NIOCore

// `FuzzCTIOSWire --write-corpus DIR` writes the seed corpus (one valid frame per file, and one file holding every
// frame in a row); anything else goes to libFuzzer's driver, with the usual command line. SwiftPM links an
// executable's `main` to this module's entry point, so libFuzzer's own `main` is not used.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

func write(_ bytes: ByteBuffer, to path: String) {
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    _ = bytes.withUnsafeReadableBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
}

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--write-corpus" {
    let directory = CommandLine.arguments[2]
    var all = ByteBuffer()
    for (index, message) in Seeds.messages.enumerated() {
        let frame = try message.encoded()
        write(frame, to: directory + "/seed-" + String(index + 1000).dropFirst() + "-\(message.kind)")
        all.writeImmutableBuffer(frame)
    }
    write(all, to: directory + "/seed-all-kinds")
    print("wrote \(Seeds.messages.count + 1) corpus entries to \(directory)")
    exit(0)
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
// A closure, not the @_cdecl function itself: referencing that as a C pointer here made this file emit its C symbol too.
exit(LLVMFuzzerRunDriver(&argc, &argv, { start, count in fuzzCTIOSWire(start, count) }))
