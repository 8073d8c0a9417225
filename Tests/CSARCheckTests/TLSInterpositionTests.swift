import XCTest

@testable import CSARCheck

/// `Sources/CCurl/ccurl_tls_interposes_SSL_CTX_new.c` replaces OpenSSL's `SSL_CTX_new` for the whole process, on
/// the strength of how libcurl 7.88's OpenSSL backend uses its contexts (one per connection, configured alike,
/// per-connection state on the `SSL`). That was read and measured for these versions only: when Debian brings
/// another libcurl or OpenSSL, this test fails, so the sharing is read and measured again (LoadOverTLSTests'
/// context count, scripts/bench-vs-peers.sh) before these lines and the C file's check are moved on.
final class TLSInterpositionTests: XCTestCase {
    static let checkedLibcurl = "7.88."
    static let checkedOpenSSL = "OpenSSL/3.0."

    func testTheLibrariesUnderTheInterpositionAreTheOnesItWasCheckedWith() {
        let (libcurl, tls) = CurlGlobal.versions
        XCTAssertTrue(
            libcurl.hasPrefix(Self.checkedLibcurl),
            "libcurl is \(libcurl), the interposition was checked with \(Self.checkedLibcurl)x: check it again")
        XCTAssertTrue(
            tls.hasPrefix(Self.checkedOpenSSL),
            "libcurl's TLS is \(tls), the interposition was checked with \(Self.checkedOpenSSL)x: check it again")
        XCTAssertTrue(LoadWorker.sharesTLSContext, "the C file's own check must agree")
    }
}
