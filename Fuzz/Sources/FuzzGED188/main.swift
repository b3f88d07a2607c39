#if canImport(Glibc)
import Glibc
#endif

// SwiftPM links an executable's `main` to this module's entry point, so libFuzzer's own `main` is not used;
// instead the entry point hands over to libFuzzer's driver, with the usual command line.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
// A closure, not the @_cdecl function itself: referencing that as a C pointer here made this file emit its C symbol too.
exit(LLVMFuzzerRunDriver(&argc, &argv, { start, count in fuzzGED188(start, count) }))
