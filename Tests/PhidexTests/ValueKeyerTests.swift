// Value keys are HMAC-SHA256 under the index key, first eight bytes big-endian: an
// index written by any build (or any other implementation of the same HMAC) keys
// a value alike, so searches and links across runs keep working.

import Crypto
import Foundation
import PhidexIndex
import Testing

@Suite struct ValueKeyerTests {
    /// The reference: swift-crypto's HMAC, truncated as the index stores it.
    func reference(_ bytes: [UInt8], key: SymmetricKey) -> Int64 {
        let code = HMAC<SHA256>.authenticationCode(for: bytes, using: key)
        return Int64(bitPattern: code.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    @Test func valueKeysAreTruncatedHMACSHA256() {
        let key = SymmetricKey(data: (0..<32).map { UInt8($0 * 7 & 0xFF) })
        let keyer = ValueKeyer(key: key)
        for value in ["", "tin:078051123", "mrn:00142816", "email:a.quill@example.org", String(repeating: "9", count: 300)] {
            #expect(keyer.key(for: value) == reference(Array(value.utf8), key: key), "\(value.count) bytes")
        }
    }

    @Test func pathKeysAreTheirOwnDomain() {
        let key = ValueKeyer.generateKey()
        let keyer = ValueKeyer(key: key)
        let path = Array("/share/hr/401-23-7788/w2.pdf".utf8)
        #expect(keyer.key(forPath: path) == reference(Array("path:".utf8) + path, key: key))
        #expect(keyer.key(forPath: path) != keyer.key(for: String(decoding: path, as: UTF8.self)))
        #expect(ValueKeyer(key: ValueKeyer.generateKey()).key(forPath: path) != keyer.key(forPath: path))
    }
}
