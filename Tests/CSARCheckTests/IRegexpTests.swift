import XCTest

@testable import CSARCheck

final class IRegexpTests: XCTestCase {
    func testAcceptsTheIRegexpGrammar() {
        let valid = [
            "", "abc", "a|b|", "(a|b)*c", "a{2}", "a{2,}", "a{2,3}", "[a-z]", "[^a-z]", "[-a]", "[a-]", "[\\]\\-]",
            "\\p{L}", "\\p{Lu}", "\\P{Nd}", "[\\p{L}_]", "\\.\\n\\t",
            "^ab$", "[.^$]",
        ]
        for pattern in valid {
            XCTAssertTrue(IRegexp(pattern, wholeString: true).isValid, pattern)
        }
    }

    func testRejectsWhatIRegexpLeavesOut() {
        let invalid = [
            "\\d", "\\w", "\\s", "\\b", "a*?", "a**", "(?:a)", "(?i)a", "a{,3}", "[]", "[^]", "[a-b-c]", "\\p{IsLatin}",
            "\\p{Lx}", "(a", "a)", "[a", "\\1", "a{x}", "*", "[[a]]",
        ]
        for pattern in invalid {
            XCTAssertFalse(IRegexp(pattern, wholeString: true).isValid, pattern)
        }
    }

    func testMatchesWithIRegexpSemantics() {
        XCTAssertTrue(IRegexp("a.c", wholeString: true).matches("a\u{2028}c"))
        XCTAssertFalse(IRegexp("a.c", wholeString: true).matches("a\nc"))
        XCTAssertFalse(IRegexp("a.c", wholeString: true).matches("a\rc"))
        XCTAssertTrue(IRegexp("a.c", wholeString: true).matches("a😀c"), "'.' matches one code point")
        XCTAssertFalse(IRegexp("abc", wholeString: true).matches("abc\n"), "match covers the whole string")
        XCTAssertTrue(IRegexp("b", wholeString: false).matches("abc"))
        XCTAssertFalse(IRegexp("^b", wholeString: false).matches("abc"))
        XCTAssertFalse(IRegexp("c$", wholeString: false).matches("abc\n"))
        XCTAssertTrue(IRegexp("[a&&b]", wholeString: true).matches("&"))
        XCTAssertTrue(IRegexp("\\p{Lu}+", wholeString: true).matches("ÄB"))
    }
}
